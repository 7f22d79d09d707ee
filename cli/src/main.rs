//! The `slatecard` command line for organisers and checks: `slatecard help`
//! lists the commands (`slatecard_cli::run`).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = slatecard_cli::run(&args, &mut std::io::stdout().lock(), &mut std::io::stderr());
    std::process::exit(code);
}
