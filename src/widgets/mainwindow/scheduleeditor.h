#pragma once

#include <QDateTime>
#include <QList>
#include <QWidget>
#include <functional>
#include <memory>

class QTimer;

namespace Ui {
class ScheduleEditor;
}

namespace weft {

class ProjectDocument;
class StateService;
struct Scheme;

/// A scheme's schedule: manually, every N minutes or by a cron expression, and "after these
/// schemes succeed". The cron text is checked as it is typed and the next five run times
/// are shown (Scheduler::nextRuns, counted from the scheme's last run in the state store,
/// which is asked on the state thread). Every change is an undo command.
class ScheduleEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit ScheduleEditor(ProjectDocument *doc, QWidget *parent = nullptr);
    ~ScheduleEditor() override;

    /// Where the last run of the scheme is looked up (nullptr: nowhere, "never ran").
    void setStateService(StateService *state);
    void setScheme(const QString &name);
    QString scheme() const { return m_scheme; }
    /// Computes the next runs from this time instead of the current time (tests,
    /// screenshots); an invalid time goes back to the clock.
    void setReferenceTime(const QDateTime &time);

    /// What is shown: the next run times (empty for manual schedules and invalid cron).
    QList<QDateTime> nextRuns() const { return m_nextRuns; }
    /// The start of the scheme's last run, as the state store said (invalid: none).
    QDateTime lastRun() const { return m_lastRun; }
    /// False while the cron field holds an expression that does not parse.
    bool isCronValid() const { return m_cronValid; }

Q_SIGNALS:
    /// The next run times were computed again (after an edit, a new last run, the clock).
    void previewUpdated();

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void fillAfter(const Scheme &scheme);
    void connectEditors();
    void edit(const QString &what, const QString &key, const std::function<void(Scheme &)> &f);
    void updatePreview();
    void queryLastRun();

    std::unique_ptr<Ui::ScheduleEditor> m_ui;
    ProjectDocument *m_doc;
    StateService *m_state = nullptr;
    QTimer *m_clock;
    QString m_scheme;
    QDateTime m_referenceTime;
    QDateTime m_lastRun;
    QList<QDateTime> m_nextRuns;
    quint64 m_lastRunQuery = 0;
    bool m_cronValid = true;
    bool m_loading = false;
};

} // namespace weft
