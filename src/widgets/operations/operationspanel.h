#pragma once

#include "core/state/opsstore.h"

#include <QWidget>

class QAbstractItemModel;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;

namespace weft {

class OperationsModel;
class ProjectDocument;
class StateService;

/// The Operations tab: what the serve processes sharing the state store do — the processes,
/// the schemes (schedule, next run, last outcome, holder, paused), the runs in progress with
/// live counters and the alerts sent — and the requests the operators send them: run now,
/// pause, resume, cancel. Polls only while shown.
class OperationsPanel final : public QWidget
{
    Q_OBJECT
public:
    OperationsPanel(StateService *state, ProjectDocument *doc, QWidget *parent = nullptr);

    OperationsModel *model() const { return m_model; }
    /// The scheme the actions apply to (the selected row); "" when none.
    QString currentScheme() const { return m_scheme; }
    void selectScheme(const QString &scheme);
    /// Sends `action` for the current scheme (what the buttons do).
    void requestAction(ControlAction action);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslate();
    void updateButtons();
    void updateLocation();
    QTableView *makeTable(QAbstractItemModel *model);

    StateService *m_state;
    OperationsModel *m_model;
    QLabel *m_location;
    QLabel *m_status;
    QPushButton *m_runNow;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_cancel;
    QPushButton *m_refresh;
    QGroupBox *m_schemesBox;
    QGroupBox *m_runningBox;
    QGroupBox *m_processesBox;
    QGroupBox *m_alertsBox;
    QTableView *m_schemes;
    QTableView *m_running;
    QString m_scheme;
};

} // namespace weft
