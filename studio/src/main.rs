//! The studio's module: draws the studio into `#studio` on `/organise/`.

fn main() {
    slatecard::web::catch_panics();
    slatecard_studio::shell::start();
}
