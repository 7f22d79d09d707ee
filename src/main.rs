//! The `slatecard` command line for organisers and checks (native only).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = slatecard::cli::run(&args, &mut std::io::stdout().lock(), &mut std::io::stderr());
    std::process::exit(code);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
