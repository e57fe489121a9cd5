#pragma once

#include <QWidget>
#include <memory>

class QSortFilterProxyModel;

namespace Ui {
class HistoryPanel;
}

namespace weft {

class RunHistoryModel;
class StateService;

/// The History tab: past runs with their counters and outcome; the selected run's log lines
/// (kept in the state store by whichever process ran it) beside them; double-click opens the
/// run's failed records.
class HistoryPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(StateService *state, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    RunHistoryModel *model() const { return m_model; }
    /// Shows the log lines of `runId` from the state store; runLogShown() follows.
    void showRunLog(const QString &runId);
    QString runLogText() const;

Q_SIGNALS:
    void runActivated(const QString &runId, const QString &scheme);
    void runLogShown(const QString &runId, int lines);

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::HistoryPanel> m_ui;
    RunHistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    StateService *m_state;
    QString m_logRun;
};

} // namespace weft
