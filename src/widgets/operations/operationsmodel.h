#pragma once

#include "core/engine/opsoverview.h"

#include <QObject>

class QStandardItemModel;
class QTimer;

namespace weft {

class ProjectDocument;
class StateService;

/// What the Operations view shows, read from the state store on StateService's thread: the
/// serve processes, the project's schemes, the runs in progress and the alerts sent, each as
/// a table model. While active it polls the runs in progress (one query) every
/// pollInterval() and reads everything every fifth poll and after each change; control
/// requests (run now, pause, resume, cancel) are written for the serve processes to pick up.
class OperationsModel final : public QObject
{
    Q_OBJECT
public:
    enum Role { SchemeRole = Qt::UserRole + 1, RunIdRole, PausedRole };

    OperationsModel(StateService *state, ProjectDocument *doc, QObject *parent = nullptr);

    QStandardItemModel *processes() const { return m_processes; }
    QStandardItemModel *schemes() const { return m_schemes; }
    QStandardItemModel *running() const { return m_running; }
    QStandardItemModel *alerts() const { return m_alerts; }
    const OperationsOverview &overview() const { return m_overview; }

    /// Polling on (the view is shown) or off.
    void setActive(bool active);
    bool isActive() const;
    void setPollInterval(int ms);
    int pollInterval() const;

    /// Reads everything again.
    void refresh();
    /// Reads only the runs in progress.
    void pollRunning();
    /// Asks the serve processes to run now, pause, resume or cancel `scheme`, as this user
    /// on this host; requested() follows.
    void request(const QString &scheme, ControlAction action);
    /// The tables again in the language of the moment.
    void retranslate();

Q_SIGNALS:
    /// A full read arrived (refreshed()) or only the runs in progress (runningChanged()).
    void refreshed();
    void runningChanged();
    /// A request was stored (its id) or not (0 and why).
    void requested(const QString &scheme, weft::ControlAction action, qint64 id,
                   const QString &error);

private:
    void setOverview(const OperationsOverview &overview);
    void fillProcesses();
    void fillSchemes();
    void fillRunning();
    void fillAlerts();

    StateService *m_state;
    ProjectDocument *m_doc;
    QStandardItemModel *m_processes;
    QStandardItemModel *m_schemes;
    QStandardItemModel *m_running;
    QStandardItemModel *m_alerts;
    QTimer *m_timer;
    OperationsOverview m_overview;
    int m_polls = 0;
    bool m_fullInFlight = false;
    bool m_pollInFlight = false;
    quint64 m_generation = 0;
};

} // namespace weft
