//! The post-build step's pure parts (`slatecard::site`): content names,
//! the CSP and its hash lists, placeholder filling and its errors, the
//! HTML edits' byte-for-byte behaviour.
#![cfg(not(target_arch = "wasm32"))]

use slatecard_site::{csp, hash_names, oembed, shell_text, sw, tools};
use std::collections::BTreeMap;
use std::path::Path;

fn words() -> BTreeMap<String, String> {
    [("page_title", "A & B's \"title\""), ("lang", "en-GB")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

#[test]
fn content_names_are_the_data_formats() {
    let names = vec![(
        "labour.bin".to_owned(),
        slatecard_data_format::content_name("labour.bin", b"abc"),
    )];
    assert_eq!(names[0].1, "labour.ba7816bf.bin");
    let text = r#"fetch("labour.bin"); x/labour.bin; my-labour.bin; labour.bin.gz; labour.binary"#;
    assert_eq!(
        hash_names::replace_names(text, &names),
        r#"fetch("labour.ba7816bf.bin"); x/labour.ba7816bf.bin; my-labour.bin; labour.ba7816bf.bin.gz; labour.binary"#
    );
}

#[test]
fn names_in_html_change_only_where_named() {
    let names = vec![(
        "icon-192.png".to_owned(),
        "icon-192.12345678.png".to_owned(),
    )];
    let page = r#"<link href=icon-192.png rel=apple-touch-icon><p title="a b">icon-192.png</p><script type=application/json>["icon-192.png"]</script>"#;
    let out = hash_names::replace_names_html(Path::new("index.html"), page, &names).unwrap();
    assert_eq!(
        out,
        r#"<link href=icon-192.12345678.png rel=apple-touch-icon><p title="a b">icon-192.12345678.png</p><script type=application/json>["icon-192.12345678.png"]</script>"#
    );
}

#[test]
fn the_service_worker_finds_files_by_their_content_names() {
    let dir = std::env::temp_dir().join(format!("slatecard-site-sw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let named = slatecard_data_format::content_name("labour.bin", b"table");
    std::fs::write(dir.join(&named), b"table").unwrap();
    // Shaped like a content name, but not of its bytes: not the published one.
    std::fs::write(dir.join("labour.00000000.bin"), b"stale").unwrap();
    std::fs::write(dir.join("app.css"), b"css").unwrap();
    assert_eq!(sw::published(&dir, "labour.bin").unwrap(), Some(named));
    assert_eq!(
        sw::published(&dir, "app.css").unwrap(),
        Some("app.css".to_owned())
    );
    assert_eq!(sw::published(&dir, "widget.css").unwrap(), None);
    let e = sw::run(&dir).unwrap_err();
    assert!(e.contains("not in") && e.contains("slatecard.js"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_policy_text_is_unchanged() {
    let origin = csp::origin_of("http://127.0.0.1:8080/slatecard/").unwrap();
    assert_eq!(origin, "'self' http://127.0.0.1:8080");
    assert_eq!(
        csp::policy(&origin, &["'sha256-s'".to_owned()], &["'sha256-a'".to_owned(), "'sha256-b'".to_owned()]),
        "default-src 'self' http://127.0.0.1:8080; script-src 'self' http://127.0.0.1:8080 'wasm-unsafe-eval' 'sha256-s'; \
         style-src 'self' http://127.0.0.1:8080 'sha256-a' 'sha256-b'; img-src 'self' http://127.0.0.1:8080 data:; \
         connect-src 'self' http://127.0.0.1:8080; frame-src 'self' http://127.0.0.1:8080; object-src 'none'; \
         base-uri 'self' http://127.0.0.1:8080; form-action 'none'"
    );
    assert!(csp::origin_of("ftp://example.org/").is_err());
    assert!(csp::origin_of("https://").is_err());
}

#[test]
fn the_hash_list_is_of_our_scripts_and_the_styles_in_order() {
    let page = "<meta charset=utf-8><style>a{}</style><noscript><style>b{}</style></noscript>\
                <style media=\"print\">c{}</style><style media=screen>d{}</style>\
                <script data-sc-redirect>r()</script><script src=x.js></script>\
                <script type=application/json id=sc-modules data-sc-build>{}</script>\
                <body><script type=\"module\" data-sc-start>s()</script></body>";
    let (scripts, styles) = csp::inline_hashes(Path::new("p.html"), page).unwrap();
    let h = slatecard_site::csp_hash;
    assert_eq!(scripts, vec![h("r()"), h("s()")]);
    assert_eq!(styles, vec![h("a{}"), h("b{}"), h("c{}")]);
    // The standard CSP hash of an empty script.
    assert_eq!(
        h(""),
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    );
    let foreign = "<meta charset=utf-8><script>evil()</script>";
    assert!(csp::inline_hashes(Path::new("p.html"), foreign)
        .unwrap_err()
        .contains("not ours"));
}

#[test]
fn the_policy_goes_after_the_charset_and_replaces_an_old_one() {
    let page = r#"<meta charset=utf-8><meta http-equiv="Content-Security-Policy" content="old"><title>t</title>"#;
    let out = csp::with_policy(Path::new("p.html"), page, "'self' https://a.example").unwrap();
    assert!(out.starts_with(r#"<meta charset=utf-8><meta http-equiv="Content-Security-Policy" content="default-src 'self' https://a.example;"#), "{out}");
    assert_eq!(out.matches("Content-Security-Policy").count(), 1);
    assert!(out.ends_with("<title>t</title>"));
    assert!(
        csp::with_policy(Path::new("p.html"), "<title>t</title>", "'self'")
            .unwrap_err()
            .contains("p.html")
    );
}

#[test]
fn the_modules_block_names_the_three_modules_and_the_table() {
    let trunk = "import init, * as bindings from '/slatecard.js';\ninit({ module_or_path: '/slatecard_bg.wasm' });";
    assert_eq!(
        csp::modules_json(trunk).unwrap(),
        r#"{"app":["/slatecard.js","/slatecard_bg.wasm"],"cy":["/slatecard-cy.js","/slatecard-cy_bg.wasm"],"embed":["/slatecard-embed.js","/slatecard-embed_bg.wasm"],"table":"/labour.bin"}"#
    );
    assert!(csp::modules_json("something else")
        .unwrap_err()
        .contains("Trunk's start-up script has changed"));
}

#[test]
fn placeholders_are_filled_and_escaped() {
    let w = words();
    let out = shell_text::fill_html(
        Path::new("index.html"),
        "<html lang={{sc:lang}}><title>{{sc:page_title}}</title>",
        &w,
    )
    .unwrap();
    assert_eq!(
        out,
        "<html lang=\"en-GB\"><title>A &amp; B&#x27;s &quot;title&quot;</title>"
    );
    let json = |s: &str| slatecard_site::json_ascii(&s, false);
    let js = shell_text::fill(
        Path::new("embed.js"),
        "t='{{sc:lang}}';u={{sc:lang}};",
        &w,
        &json,
        true,
    )
    .unwrap();
    assert_eq!(js, "t=\"en-GB\";u=\"en-GB\";");
}

#[test]
fn the_manifest_is_written_in_english_and_in_welsh() {
    let dir = std::env::temp_dir().join(format!("slatecard-site-manifest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("static/manifest.webmanifest"),
        dir.join("manifest.webmanifest"),
    )
    .unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<html lang={{sc:lang}}><title>{{sc:page_title}}</title>",
    )
    .unwrap();
    std::fs::write(dir.join("embed.js"), "t={{sc:frame_title}};").unwrap();
    assert_eq!(shell_text::run(&dir).unwrap(), "en-GB");
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
    };
    let (en, cy) = (
        read("manifest.webmanifest"),
        read(shell_text::WELSH_MANIFEST),
    );
    assert_eq!(en["lang"], "en-GB");
    assert_eq!(
        (&en["start_url"], &en["scope"]),
        (&"./".into(), &"./".into())
    );
    assert_eq!(cy["lang"], "cy");
    // The Welsh app's home is the Welsh landing page, from the site's top
    // (where the manifest is).
    assert_eq!(
        (&cy["start_url"], &cy["scope"]),
        (&"cy/".into(), &"cy/".into())
    );
    let welsh = shell_text::words_in(slatecard::text::Lang::Cy);
    assert_eq!(cy["name"], welsh["page_title"].as_str());
    assert_eq!(cy["description"], welsh["description"].as_str());
    assert!(cy["name"].as_str().unwrap().contains("NEC Llafur"), "{cy}");
    assert_ne!(cy["name"], en["name"]);
    // The icons are the shared files, named as the English manifest names them.
    assert_eq!(cy["icons"], en["icons"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_placeholder_with_no_words_fails_naming_the_file() {
    let w = words();
    let e = shell_text::fill_html(Path::new("dist/index.html"), "<p>{{sc:nothing}}</p>", &w)
        .unwrap_err();
    assert_eq!(
        e,
        "dist/index.html: no words for {{sc:nothing}} in the catalogue"
    );
    let e = shell_text::fill_html(
        Path::new("dist/index.html"),
        "<p title={{sc:nothing}}></p>",
        &w,
    )
    .unwrap_err();
    assert!(e.starts_with("dist/index.html: "), "{e}");
    let missing = std::env::temp_dir().join("slatecard-site-no-such-dir");
    let e = shell_text::run(&missing).unwrap_err();
    assert!(e.contains("index.html") && e.contains("cannot read"), "{e}");
}

#[test]
fn json_is_ascii_as_before() {
    assert_eq!(
        slatecard_site::json_ascii(&"Loading…", false).unwrap(),
        r#""Loading\u2026""#
    );
    assert_eq!(
        slatecard_site::json_ascii(&"🗳", false).unwrap(),
        r#""\ud83d\uddf3""#
    );
}

#[test]
fn an_oembed_answer_presets_the_widget() {
    let a = oembed::answer(
        "https://x.example/",
        "nec-2026/london/",
        "London & co",
        "frame",
    );
    assert!(a
        .html
        .contains(r#"src="https://x.example/?embed=1&amp;election=nec-2026&amp;region=london""#));
    assert!(a.html.contains(">London &amp; co</a>"));
    let (page, title) = oembed::link_page(
        Path::new("p.html"),
        "<title>A &amp; B</title><!--/sc:page--></head><body>",
        "<link x>",
    )
    .unwrap();
    assert_eq!(
        page,
        "<title>A &amp; B</title><!--/sc:page--><link x></head><body>"
    );
    assert_eq!(title.as_deref(), Some("A & B"));
}

#[test]
fn cargo_messages_name_the_wasm() {
    let messages = r#"{"reason":"compiler-artifact","target":{"name":"slatecard"},"filenames":["/t/libslatecard.rlib"]}
{"reason":"compiler-artifact","target":{"name":"island"},"filenames":["/t/island.wasm"]}
{"reason":"compiler-artifact","target":{"name":"embed"},"filenames":["/t/embed.wasm"]}
{"reason":"build-finished","success":true}"#;
    assert_eq!(
        tools::built_wasm(messages, "embed").as_deref(),
        Some("/t/embed.wasm")
    );
    assert_eq!(tools::built_wasm(messages, "slatecard"), None);
    assert_eq!(tools::built_wasm("", "embed"), None);
}
