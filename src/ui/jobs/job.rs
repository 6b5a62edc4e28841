//! Work on a thread while the window keeps drawing: how much is done, a cancel flag, and the result once there.
//! Imports, exports and the opening of big projects are all such jobs.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::Ui;

/// What the worker and the window share while a job runs.
pub struct Counts {
    done: AtomicUsize,
    total: AtomicUsize,
    cancel: AtomicBool,
    ctx: egui::Context,
}

impl Counts {
    /// Records progress and asks the window to draw it.
    pub fn set(&self, done: usize, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.set_done(done);
    }

    /// Records how much is done and asks the window to draw it.
    pub fn set_done(&self, done: usize) {
        self.done.store(done, Ordering::Relaxed);
        self.ctx.request_repaint();
    }

    /// The flag the worker checks to stop early.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }
}

/// A job giving a `T`.
pub struct Job<T> {
    counts: Arc<Counts>,
    receiver: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a thread; `ctx` is asked to repaint as it reports and when it ends.
    pub fn start(ctx: &egui::Context, work: impl FnOnce(&Counts) -> T + Send + 'static) -> Self {
        let counts = Arc::new(Counts {
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
            cancel: AtomicBool::new(false),
            ctx: ctx.clone(),
        });
        let (sender, receiver) = channel();
        let worker = Arc::clone(&counts);
        std::thread::spawn(move || {
            let result = work(&worker);
            // The window may have closed meanwhile; then nobody listens and that is fine.
            let _ = sender.send(result);
            worker.ctx.request_repaint();
        });
        Self { counts, receiver }
    }

    /// `Some(Some(result))` once the work is done, `Some(None)` if the thread ended without one.
    pub fn finished(&self) -> Option<Option<T>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(Some(result)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }

    /// How much is done, and of how much.
    pub fn progress(&self) -> (usize, usize) {
        (self.counts.done.load(Ordering::Relaxed), self.counts.total.load(Ordering::Relaxed))
    }

    /// Whether the user asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.counts.cancel.load(Ordering::Relaxed)
    }

    /// Asks the work to stop (it checks between steps).
    pub fn cancel(&self) {
        self.counts.cancel.store(true, Ordering::Relaxed);
    }

    /// A progress bar saying `text` and a button `cancel`; true when the button was clicked.
    pub fn progress_ui(&self, ui: &mut Ui, text: String, cancel: &str) -> bool {
        let (done, total) = self.progress();
        ui.horizontal(|ui| {
            let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
            ui.add(egui::ProgressBar::new(fraction).text(text).desired_width(260.0));
            ui.add_enabled(!self.is_cancelled(), egui::Button::new(cancel)).clicked()
        })
        .inner
    }
}
