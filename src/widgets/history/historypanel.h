#pragma once

#include <QWidget>
#include <memory>

class QSortFilterProxyModel;
class QTabWidget;

namespace Ui {
class HistoryPanel;
}

namespace weft {

class HistoryQualityView;
class RunHistoryModel;
class StateService;

/// The History tab: past runs with their counters and outcome; beside them the selected run's
/// quality summary (HistoryQualityView) and its log lines (kept in the state store by whichever
/// process ran it), a tab each; double-click opens the run's failed records.
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
    HistoryQualityView *quality() const { return m_quality; }
    /// Selects the run of the model's `row` (its quality summary shows beside it).
    void selectRun(int row);

Q_SIGNALS:
    void runActivated(const QString &runId, const QString &scheme);
    void runLogShown(const QString &runId, int lines);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateDetails();
    std::unique_ptr<Ui::HistoryPanel> m_ui;
    RunHistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    StateService *m_state;
    QString m_logRun;
    HistoryQualityView *m_quality;
    QTabWidget *m_details = nullptr;
};

} // namespace weft
