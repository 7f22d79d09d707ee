//! Native tools behind the `slatecard` command line: data checks, order
//! generation and (later) postcode table compilation and batch lookup.

pub mod orders;

use std::io::Write;

/// Runs the command line with `args` (without the program name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("balance") => orders::command(&args[1..], out),
        Some("help") | Some("--help") | Some("-h") | None => {
            let _ = writeln!(out, "{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command \"{other}\"\n\n{USAGE}")),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "slatecard: {e}");
            2
        }
    }
}

const USAGE: &str = "usage: slatecard <command>

commands:
  balance FILE.toml [--write]   generate the orders marked `generated` (method balanced-v1);
                                prints them, or rewrites them in FILE with --write";
