#pragma once

#include <QWidget>
#include <memory>

class QSortFilterProxyModel;

namespace Ui {
class HistoryPanel;
}

namespace weft {

class HistoryQualityView;
class RunHistoryModel;
class StateService;

/// The History tab: past runs with their counters and outcome, and beside them the selected
/// run's quality summary (HistoryQualityView); double-click opens the run's log lines and
/// failed records.
class HistoryPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(StateService *state, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    RunHistoryModel *model() const { return m_model; }
    HistoryQualityView *quality() const { return m_quality; }
    /// Selects the run of the model's `row` (its quality summary shows beside it).
    void selectRun(int row);

Q_SIGNALS:
    void runActivated(const QString &runId, const QString &scheme);

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::HistoryPanel> m_ui;
    RunHistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    HistoryQualityView *m_quality;
};

} // namespace weft
