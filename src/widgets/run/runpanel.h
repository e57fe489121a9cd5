#pragma once

#include "core/engine/runtypes.h"

#include <QWidget>
#include <memory>

namespace Ui {
class RunPanel;
}

namespace weft {

class EngineHost;
class RunProgressModel;

/// The Run tab: run the project or the selected scheme (dry run, full, limit), a progress
/// bar per scheme with read / written / skipped / failed, records/s and elapsed; Cancel.
class RunPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit RunPanel(EngineHost *engine, QWidget *parent = nullptr);
    ~RunPanel() override;

    RunProgressModel *model() const { return m_model; }
    /// The scheme "Run scheme" runs (the one selected in the designer).
    void setCurrentScheme(const QString &scheme);
    /// The options the checkboxes and the limit ask for.
    RunOptions options() const;
    QString summaryText() const;

Q_SIGNALS:
    void runProjectRequested(const weft::RunOptions &options);
    void runSchemeRequested(const QString &scheme, const weft::RunOptions &options);
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateButtons();
    void updateSummary();

    std::unique_ptr<Ui::RunPanel> m_ui;
    EngineHost *m_engine;
    RunProgressModel *m_model;
    QString m_scheme;
    QString m_finalMessage;
};

} // namespace weft
