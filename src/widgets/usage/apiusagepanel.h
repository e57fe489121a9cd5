#pragma once

#include "widgets/usage/apiusagemodel.h"

#include <QWidget>
#include <memory>

class QChart;
class QChartView;
class QSortFilterProxyModel;

namespace Ui {
class ApiUsagePanel;
}

namespace weft {

class StateService;

/// The API usage tab: over a chosen period (last hour … 30 days), per connection and endpoint
/// the calls, errors (by code), throttled calls, p50/p95 latency and records per call — as a
/// sortable table and a bar chart of calls and errors for the busiest endpoints.
class ApiUsagePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ApiUsagePanel(StateService *state, QWidget *parent = nullptr);
    ~ApiUsagePanel() override;

    ApiUsageModel *model() const { return m_model; }
    void setPeriod(ApiUsageModel::Period period);

    /// The busiest endpoints the chart shows at most.
    static constexpr int kChartEndpoints = 10;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildChart();
    void updateSummary();

    std::unique_ptr<Ui::ApiUsagePanel> m_ui;
    StateService *m_state;
    ApiUsageModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QChart *m_chart;
    QChartView *m_chartView;
};

} // namespace weft
