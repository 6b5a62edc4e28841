//! Re-saves a project file in the current layout: `cargo run --example resave -- FILE.ron`.
fn main() -> anyhow::Result<()> {
    for path in std::env::args().skip(1) {
        let path = std::path::PathBuf::from(path);
        let project = gloss::store::load(&path)?;
        std::fs::write(&path, gloss::store::to_string(&project)?)?;
        println!("re-saved {}", path.display());
    }
    Ok(())
}
