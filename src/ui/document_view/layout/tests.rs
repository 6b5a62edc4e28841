//! The lazy layout: estimates, laying out near the view, reuse after an edit.
use super::*;
use crate::model::DocId;

fn doc(body: &str) -> Document {
    Document {
        id: DocId(1),
        title: "Title".to_owned(),
        metadata: crate::model::Metadata::default(),
        body: body.to_owned(),
        comments: Vec::new(),
        spans: Vec::new(),
        note: String::new(),
        orphans: Vec::new(),
        review: Vec::new(),
    }
}

#[test]
fn an_edit_lays_out_only_the_paragraph_that_changed() {
    let ctx = egui::Context::default();
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let before = doc("First paragraph.\n\nSecond paragraph.\n\nThird paragraph.");
        let mut old = build(ui, &before, 600.0);
        old.fresh = false;
        old.ensure(ui, &before, 0.0, 800.0);
        assert!(old.blocks.iter().all(|b| b.laid_out), "everything is near the view");
        let after = doc("First paragraph.\n\nSecond paragraph, edited.\n\nThird paragraph.");
        let mut new = build(ui, &after, 600.0);
        new.reuse(&old, &after);
        let paragraphs: Vec<&Block> =
            new.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Paragraph { .. })).collect();
        let kept: Vec<bool> = paragraphs.iter().map(|b| b.laid_out).collect();
        assert_eq!(kept, [true, false, true], "the first and third keep their galleys");
        let old_first = old.blocks.iter().find(|b| matches!(b.kind, BlockKind::Paragraph { start: 0, .. }));
        assert!(Arc::ptr_eq(&paragraphs[0].galley, &old_first.unwrap().galley));
        // Another width lays everything out anew.
        let mut wider = build(ui, &after, 700.0);
        wider.reuse(&old, &after);
        assert!(wider.blocks.iter().all(|b| !b.laid_out));
    });
    // No renderer takes the font texture here.
    output.textures_delta.clear();
}

#[test]
fn blocks_are_found_by_position_and_estimates_become_exact() {
    let ctx = egui::Context::default();
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let body: Vec<String> = (0..400).map(|i| format!("Paragraph {i} with a few words in it.")).collect();
        let long = doc(&body.join("\n\n"));
        let mut layout = build(ui, &long, 600.0);
        let estimated = layout.size.y;
        assert!(layout.blocks.iter().all(|b| !b.laid_out), "nothing is laid out before it is seen");
        layout.fresh = false;
        layout.ensure(ui, &long, 5000.0, 5800.0);
        let laid: Vec<usize> = (0..layout.blocks.len()).filter(|&i| layout.blocks[i].laid_out).collect();
        assert!(!laid.is_empty() && laid.len() < 100, "{} laid out", laid.len());
        let range = layout.range(5000.0, 5800.0);
        assert!(range.clone().all(|i| layout.blocks[i].laid_out));
        assert!((layout.size.y - estimated).abs() < estimated * 0.5, "estimates are in the right range");
        let anchor = layout.anchor(5000.0).unwrap();
        assert_eq!(layout.anchor_shift(anchor), Some(0.0));
    });
    output.textures_delta.clear();
}

#[test]
fn a_right_to_left_paragraph_keeps_its_lines_in_display_order() {
    let ctx = egui::Context::default();
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let text = "אבג דה וז חט יכ למ נס עפ צק רש ת אבג דה וז חט יכ למ נס עפ צק רש ת אבג דה וז";
        let d = doc(text);
        let mut layout = build(ui, &d, 200.0);
        layout.fresh = false;
        layout.ensure(ui, &d, 0.0, 800.0);
        let block = layout.blocks.iter().find(|b| matches!(b.kind, BlockKind::Paragraph { .. })).unwrap();
        let visual = block.visual.as_ref().expect("right to left");
        eprintln!("rows {} text {:?}", block.galley.rows.len(), visual.text);
        assert!(block.galley.rows.len() > 1, "it wraps");
        assert_eq!(block.galley.rows.len(), visual.text.lines().count());
        let width = block.galley.rect.width();
        assert!(width <= 200.0 + 1.0, "no line is wider than the column: {width}");
    });
    output.textures_delta.clear();
}
