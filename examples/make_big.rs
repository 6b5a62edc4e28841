//! Writes a big synthetic project, to see how Gloss copes with long articles and many highlights:
//!
//! ```sh
//! cargo run --release --example make_big -- big.ron            # 1 MB article, 10,000 highlights, 2,000 comments
//! cargo run --release --example make_big -- many.ron --many    # 100 documents, 100,000 highlights
//! ```

use std::path::PathBuf;

use anyhow::{Context, Result};
use gloss::synthetic::{Size, project};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().context("usage: make_big OUT.ron [--many]")?);
    let size = if args.next().as_deref() == Some("--many") { Size::MANY_DOCUMENTS } else { Size::LONG_ARTICLE };
    let project = project(size);
    gloss::store::save(&project, &out)?;
    let spans: usize = project.documents.iter().map(|d| d.spans.len()).sum();
    println!("wrote {}: {} document(s), {spans} highlight(s)", out.display(), project.documents.len());
    Ok(())
}
