//! Taking in what background work finished: an import joins the project as one undoable step with its report,
//! an export says where it wrote (or asks whether it may replace what is in its way), a big project is opened.

use super::GlossApp;
use crate::edit::{Command, TextField};
use crate::export::{ExportError, Report};
use crate::import::batch::FileOutcome;
use crate::ui::intent::Intent;
use crate::ui::jobs::Finished;
use crate::ui::jobs::export::{Request, outcome_notice};
use crate::ui::jobs::import::ImportReport;
use crate::ui::windows::error_note::ErrorNote;

impl GlossApp {
    /// Starts the work asked for and takes in what finished. Runs before the panels, so the frame that receives a
    /// big project also draws it.
    pub(super) fn take_in_jobs(&mut self, egui: &egui::Context) {
        let finished = self.jobs.poll(egui, self.session.project(), self.session.file(), self.data_dir.as_deref());
        for job in finished {
            match job {
                Finished::Import { inputs, outcomes, cancelled, not_read } => {
                    self.imported(&inputs, outcomes, (cancelled, not_read));
                }
                Finished::Export(export) => {
                    let (request, result) = *export;
                    self.exported(request, &result);
                }
                Finished::Open(opened) => {
                    let (path, opened) = *opened;
                    self.finish_open(&path, opened);
                }
                Finished::Merge(result) => self.merged(*result),
                Finished::Suggest(found, cancelled) => self.suggested(found, cancelled),
                Finished::Update(result) => self.updated(*result),
                Finished::Agree(report) => {
                    self.windows.agreement.present(*report);
                    self.windows.open_window(crate::ui::actions::Action::AgreeWithOthers);
                }
                Finished::Class(results) => {
                    self.windows.class.present(results);
                    self.windows.open_window(crate::ui::actions::Action::CompareStudents);
                    let (compared, failed) = self.windows.class.counts();
                    let mut notice = format!("Compared {compared} student(s) with the key");
                    if failed > 0 {
                        notice.push_str(&format!("; {failed} file(s) could not be read"));
                    }
                    self.toasts.push(notice);
                }
            }
        }
    }

    /// A finished export: a notice, the question whether it may replace what is in its way, or the error.
    fn exported(&mut self, request: Request, result: &Result<Report, ExportError>) {
        match (result, outcome_notice(result, &request.out)) {
            (Err(error @ ExportError::WouldReplace { refusal, .. }), _) if refusal.can_force() => {
                self.ask_replace = Some((request, error.to_string()));
            }
            (_, Some(notice)) => self.toasts.push(notice),
            (Err(error), None) => {
                self.error = Some(ErrorNote::about("export to", &request.out, &error.to_string(), error.details()));
            }
            (Ok(_), None) => {}
        }
    }

    /// The articles of a finished import, placed into the project as one step; a report where there is more to
    /// say than a notice.
    fn imported(
        &mut self,
        inputs: &[std::path::PathBuf],
        outcomes: Vec<FileOutcome>,
        (cancelled, not_read): (bool, usize),
    ) {
        let mut report = ImportReport::new(&outcomes, not_read);
        let project = self.session.project();
        let mut articles = Vec::new();
        let mut signed = Vec::new();
        for outcome in outcomes {
            let Ok(mut read) = outcome.result else { continue };
            let source = crate::import::batch::source_of(inputs, &outcome.path);
            let file = (outcome.path.as_path(), source.as_path());
            signed.extend(crate::edit::imported::sign_unsigned(project, file, &mut read, None));
            articles.extend(read);
        }
        let placement = crate::edit::imported::place(project, articles, jiff::Timestamp::now());
        report.notes = signed;
        report.notes.extend(placement.notes);
        let mut commands = placement.commands;
        if std::mem::take(&mut self.name_project_after_import)
            && let Some(Command::AddDocument { document, .. }) =
                commands.iter().find(|c| matches!(c, Command::AddDocument { .. }))
        {
            commands.push(Command::SetText { field: TextField::ProjectName, value: document.title.clone(), at: None });
        }
        let articles = report.articles();
        match commands.len() {
            0 => {}
            1 => commands.into_iter().for_each(|c| self.intents.send(Intent::Edit(c))),
            _ => self.intents.send(Intent::Edit(Command::batch("Import articles", commands))),
        }
        let quiet = report.failures() == 0
            && report.lines.len() == 1
            && report.lines[0].notes.is_empty()
            && report.notes.is_empty()
            && !cancelled;
        if quiet && let Some(Ok(found)) = report.lines.first().map(|l| &l.found) {
            self.toasts.push(format!("Imported {}", found.join("; ")));
        }
        if cancelled {
            self.toasts.push(format!("Import cancelled; {articles} article(s) were read and added"));
        }
        self.windows.import_report.present(report, false);
        if !quiet {
            self.windows.open_window(crate::ui::actions::Action::ImportReport);
        }
    }
}
