#include "core/engine/opsoverview.h"

#include "core/engine/scheduler.h"
#include "core/model/project.h"

#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>

namespace weft {

OperationsOverview OperationsOverview::read(StateStore *store, const Project &project,
                                            const QDateTime &now)
{
    OperationsOverview o;
    if (!store) {
        o.error = QStringLiteral("no state store is open");
        return o;
    }
    store->ensureConnected();
    OperationsStore ops(store);
    o.processes = store->processes();
    o.running = ops.runsInProgress();
    o.requests = ops.requests(QString(), 20);
    o.alerts = sentAlerts(store);
    const QHash<QString, SchemePause> paused = ops.pausedSchemes();
    if (!ops.lastError().isEmpty())
        o.error = ops.lastError();

    const QTimeZone zone(project.timeZone.toUtf8());
    auto fill = [&](SchemeOperations &s, const Scheme *scheme) {
        s.lastRun = store->lastRun(s.name);
        s.leaseHolder = store->leaseHolder(s.name);
        const auto pause = paused.constFind(s.name);
        s.paused = pause != paused.cend();
        if (s.paused) {
            s.pausedBy = pause->by;
            s.pausedSince = pause->since;
        }
        if (!scheme)
            return;
        s.schedule = scheme->schedule;
        if (!s.paused && scheme->enabled) {
            const QList<QDateTime> next = Scheduler::nextRuns(
                *scheme, now, 1, zone.isValid() ? zone : QTimeZone::systemTimeZone(),
                s.lastRun ? s.lastRun->startedAt : QDateTime());
            if (!next.isEmpty())
                s.nextRun = next.first();
        }
    };
    QSet<QString> known;
    for (const Scheme &scheme : project.schemes) {
        SchemeOperations s;
        s.name = scheme.name;
        fill(s, &scheme);
        o.schemes << s;
        known.insert(scheme.name);
    }
    // A shared store also serves other projects' schemes: those running or paused show too.
    QStringList others;
    for (const RunSnapshot &r : std::as_const(o.running))
        others << r.scheme;
    others << paused.keys();
    others.sort();
    others.removeDuplicates();
    for (const QString &name : std::as_const(others)) {
        if (known.contains(name))
            continue;
        SchemeOperations s;
        s.name = name;
        s.inProject = false;
        fill(s, nullptr);
        o.schemes << s;
    }
    return o;
}

QList<RunSnapshot> OperationsOverview::readRunning(StateStore *store, QString *error)
{
    if (!store) {
        if (error)
            *error = QStringLiteral("no state store is open");
        return {};
    }
    store->ensureConnected();
    OperationsStore ops(store);
    QList<RunSnapshot> running = ops.runsInProgress();
    if (error)
        *error = ops.lastError();
    return running;
}

QList<SentAlert> sentAlerts(StateStore *store, int limit)
{
    QList<SentAlert> alerts;
    QSqlQuery q(store->database());
    q.prepare(QStringLiteral("SELECT rule, subject, sent_at, message FROM alerts_sent ORDER BY "
                             "sent_at DESC LIMIT %1")
                  .arg(limit));
    if (!q.exec())
        return alerts;
    while (q.next()) {
        alerts.append({q.value(0).toString(), q.value(1).toString(),
                       QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC),
                       q.value(3).toString()});
    }
    return alerts;
}

} // namespace weft
