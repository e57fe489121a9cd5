#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class LogPanel;
}

namespace weft {

class LogFilterModel;
class LogModel;

/// The Log tab: the live log (an spdlog sink into LogModel), filterable by level and text.
class LogPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit LogPanel(LogModel *model, QWidget *parent = nullptr);
    ~LogPanel() override;

    /// Shows only lines containing `text` (a run id from the history, say).
    void setFilterText(const QString &text);
    LogFilterModel *filterModel() const { return m_filter; }

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::LogPanel> m_ui;
    LogModel *m_model;
    LogFilterModel *m_filter;
};

} // namespace weft
