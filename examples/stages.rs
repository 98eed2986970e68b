//! Time per pipeline stage on one text (native, single thread): where the
//! time of a big analysis goes, and how finely the page's worker can yield.
//!
//! ```text
//! cargo run --release --example stages -- FILE [--repeat N]
//! ```
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: stages FILE [--repeat N]");
    let repeat: usize = match (args.next().as_deref(), args.next()) {
        (Some("--repeat"), Some(n)) => n.parse().expect("--repeat N"),
        _ => 1,
    };
    let one = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let text = vec![one.as_str(); repeat].join("\n\n");
    let t = Instant::now();
    let doc = claimscope::document::Document::parse(&text, None);
    let t_doc = t.elapsed();
    let t = Instant::now();
    let actors = claimscope::actors::find(&doc);
    let t_act = t.elapsed();
    let t = Instant::now();
    let claims = claimscope::claims::find(&doc, &actors);
    let t_cl = t.elapsed();
    let t = Instant::now();
    let a = claimscope::analysis::build(&doc, &actors, &claims);
    let t_an = t.elapsed();
    println!(
        "{} bytes, {} sentences, {} actors, {} claims\ndocument {:?}\nactors   {:?}\nclaims   {:?}\nanalysis {:?}",
        text.len(),
        doc.sentences.len(),
        a.actors.len(),
        a.claims.len(),
        t_doc,
        t_act,
        t_cl,
        t_an
    );
}
