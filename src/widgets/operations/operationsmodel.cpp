#include "widgets/operations/operationsmodel.h"

#include "widgets/common/projectdocument.h"
#include "widgets/common/stateservice.h"
#include "widgets/run/runprogressmodel.h"

#include <QColor>
#include <QJsonObject>
#include <QLocale>
#include <QStandardItemModel>
#include <QTimer>

namespace weft {

namespace {

constexpr int kFullReadEvery = 5; ///< polls of the runs in progress per full read

QString timeText(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

QStandardItem *textItem(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    return item;
}

QStandardItem *numberItem(qint64 value)
{
    QStandardItem *item = textItem(QLocale().toString(value));
    item->setData(value, Qt::UserRole + 10); // the plain number, for tests and sorting
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void setHeader(QStandardItemModel *model, const QStringList &labels)
{
    model->setColumnCount(int(labels.size()));
    model->setHorizontalHeaderLabels(labels);
}

} // namespace

OperationsModel::OperationsModel(StateService *state, ProjectDocument *doc, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_doc(doc)
    , m_processes(new QStandardItemModel(this))
    , m_schemes(new QStandardItemModel(this))
    , m_running(new QStandardItemModel(this))
    , m_alerts(new QStandardItemModel(this))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (++m_polls % kFullReadEvery == 0)
            refresh();
        else
            pollRunning();
    });
    connect(state, &StateService::changed, this, [this] {
        if (isActive())
            refresh();
    });
    retranslate();
}

void OperationsModel::setActive(bool active)
{
    if (active == isActive())
        return;
    if (active) {
        m_timer->start();
        refresh();
    } else {
        m_timer->stop();
    }
}

bool OperationsModel::isActive() const
{
    return m_timer->isActive();
}

void OperationsModel::setPollInterval(int ms)
{
    m_timer->setInterval(ms);
}

int OperationsModel::pollInterval() const
{
    return m_timer->interval();
}

void OperationsModel::refresh()
{
    // One read at a time: a slow server must not pile queries up behind each other.
    if (m_fullInFlight)
        return;
    m_fullInFlight = true;
    const quint64 generation = ++m_generation;
    const Project project = m_doc->project();
    m_state->query<OperationsOverview>(
        this, [project](StateStore *store) { return OperationsOverview::read(store, project); },
        [this, generation](const OperationsOverview &overview) {
            m_fullInFlight = false;
            if (generation == m_generation)
                setOverview(overview);
        });
}

void OperationsModel::pollRunning()
{
    if (m_pollInFlight || m_fullInFlight)
        return;
    m_pollInFlight = true;
    const quint64 generation = m_generation;
    m_state->query<QList<RunSnapshot>>(
        this, [](StateStore *store) { return OperationsOverview::readRunning(store); },
        [this, generation](const QList<RunSnapshot> &running) {
            m_pollInFlight = false;
            if (generation != m_generation)
                return; // a full read overtook it
            // A run that started or ended changes more than its row: read everything.
            QStringList before, after;
            for (const RunSnapshot &r : std::as_const(m_overview.running))
                before << r.runId;
            for (const RunSnapshot &r : running)
                after << r.runId;
            m_overview.running = running;
            fillRunning();
            Q_EMIT runningChanged();
            if (before != after)
                refresh();
        });
}

void OperationsModel::request(const QString &scheme, ControlAction action)
{
    struct Answer {
        qint64 id = 0;
        QString error;
    };
    m_state->query<Answer>(
        this,
        [scheme, action](StateStore *store) {
            Answer a;
            if (!store) {
                a.error = tr("no state store is open");
                return a;
            }
            store->ensureConnected();
            OperationsStore ops(store);
            const auto id = ops.request(scheme, action, operatorName());
            if (id)
                a.id = *id;
            else
                a.error = ops.lastError();
            return a;
        },
        [this, scheme, action](const Answer &a) {
            Q_EMIT requested(scheme, action, a.id, a.error);
            refresh();
        });
}

void OperationsModel::setOverview(const OperationsOverview &overview)
{
    m_overview = overview;
    fillProcesses();
    fillSchemes();
    fillRunning();
    fillAlerts();
    Q_EMIT refreshed();
    Q_EMIT runningChanged();
}

void OperationsModel::retranslate()
{
    setHeader(m_processes, {tr("Process"), tr("Host"), tr("Version"), tr("Started"),
                            tr("Last seen"), tr("Running")});
    setHeader(m_schemes,
              {tr("Scheme"), tr("Schedule"), tr("Next run"), tr("Last run"), tr("Outcome"),
               tr("Read"), tr("Written"), tr("Failed"), tr("Held by"), tr("Paused")});
    setHeader(m_running, {tr("Scheme"), tr("Process"), tr("Host"), tr("Trigger"), tr("Started"),
                          tr("Phase"), tr("Read"), tr("Mapped"), tr("Written"), tr("Failed"),
                          tr("Window"), tr("Stages"), tr("Updated")});
    setHeader(m_alerts, {tr("Sent"), tr("Rule"), tr("About"), tr("Message")});
    fillProcesses();
    fillSchemes();
    fillRunning();
    fillAlerts();
}

void OperationsModel::fillProcesses()
{
    m_processes->setRowCount(0);
    for (const StateStore::ProcessBeat &b : std::as_const(m_overview.processes)) {
        m_processes->appendRow({textItem(b.holder), textItem(b.host), textItem(b.version),
                                textItem(timeText(b.startedAt)), textItem(timeText(b.lastSeen)),
                                textItem(b.running.join(QStringLiteral(", ")))});
    }
}

void OperationsModel::fillSchemes()
{
    m_schemes->setRowCount(0);
    const QLocale locale;
    for (const SchemeOperations &s : std::as_const(m_overview.schemes)) {
        QString schedule;
        switch (s.schedule.kind) {
        case Schedule::Kind::Manual:
            schedule = s.inProject ? tr("manual") : tr("(not in this project)");
            break;
        case Schedule::Kind::Interval:
            schedule = tr("every %1 min").arg(s.schedule.intervalMinutes);
            break;
        case Schedule::Kind::Cron:
            schedule = tr("cron %1").arg(s.schedule.cron);
            break;
        }
        if (!s.schedule.after.isEmpty())
            schedule += (schedule.isEmpty() ? QString() : QStringLiteral("; ")) +
                        tr("after %1").arg(s.schedule.after.join(QStringLiteral(", ")));
        auto *name = textItem(s.name);
        name->setData(s.name, SchemeRole);
        name->setData(s.paused, PausedRole);
        QList<QStandardItem *> row{name, textItem(schedule), textItem(timeText(s.nextRun))};
        if (s.lastRun) {
            row << textItem(timeText(s.lastRun->startedAt))
                << textItem(RunProgressModel::outcomeText(s.lastRun->outcome))
                << numberItem(s.lastRun->counters.read) << numberItem(s.lastRun->counters.written)
                << numberItem(s.lastRun->counters.failed);
        } else {
            row << textItem(QString()) << textItem(QString()) << textItem(QString())
                << textItem(QString()) << textItem(QString());
        }
        row << textItem(s.leaseHolder);
        row << textItem(s.paused
                            ? tr("paused by %1 since %2").arg(s.pausedBy, timeText(s.pausedSince))
                            : QString());
        if (s.paused)
            row.last()->setForeground(QColor(0xb26a00));
        m_schemes->appendRow(row);
    }
}

void OperationsModel::fillRunning()
{
    m_running->setRowCount(0);
    for (const RunSnapshot &r : std::as_const(m_overview.running)) {
        QStringList stages;
        for (const QJsonValue &v : r.steps) {
            const QJsonObject o = v.toObject();
            stages << tr("%1 %2→%3")
                          .arg(o.value(QStringLiteral("id")).toString())
                          .arg(o.value(QStringLiteral("in")).toInteger())
                          .arg(o.value(QStringLiteral("out")).toInteger());
        }
        auto *scheme = textItem(r.scheme);
        scheme->setData(r.scheme, SchemeRole);
        scheme->setData(r.runId, RunIdRole);
        const QString window = r.windowCount > 0
                                   ? QStringLiteral("%1/%2").arg(r.windowIndex).arg(r.windowCount)
                                   : QString();
        auto *updated = textItem(tr("%1 s ago").arg(QLocale().toString(r.ageMs / 1000.0, 'f', 1)));
        // A snapshot far older than its process writes them: the process stalled or died.
        if (r.ageMs > 30000)
            updated->setForeground(QColor(0xc62828));
        m_running->appendRow(
            {scheme, textItem(r.holder), textItem(r.host), textItem(r.trigger),
             textItem(timeText(r.startedAt)), textItem(r.phase), numberItem(r.counters.read),
             numberItem(r.mapped), numberItem(r.counters.written), numberItem(r.counters.failed),
             textItem(window), textItem(stages.join(QStringLiteral(", "))), updated});
    }
}

void OperationsModel::fillAlerts()
{
    m_alerts->setRowCount(0);
    for (const SentAlert &a : std::as_const(m_overview.alerts)) {
        m_alerts->appendRow({textItem(timeText(a.sentAt)), textItem(a.rule), textItem(a.subject),
                             textItem(a.message)});
    }
}

} // namespace weft
