#include "core/engine/preview.h"

#include "core/connectors/projectenvironment.h"
#include "core/connectors/ratelimiter.h"
#include "core/connectors/resolvedconnection.h"
#include "core/state/statestore.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QTimer>

namespace weft {

namespace {
constexpr int kMaxPreviewPages = 5;
}

Previewer::Previewer(const Project &project, const QString &scheme, StateStore *state,
                     QObject *parent)
    : QObject(parent)
    , m_project(project)
    , m_schemeName(scheme)
    , m_state(state)
    , m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<weft::PreviewResult>();
}

Previewer::~Previewer() = default;

void Previewer::start(int limit, const RunOptions &options)
{
    m_limit = std::max(1, limit);
    const Scheme *scheme = m_project.scheme(m_schemeName);
    if (!scheme) {
        QTimer::singleShot(0, this, [this]() {
            finish(QStringLiteral("no scheme named '%1'").arg(m_schemeName));
        });
        return;
    }
    QString error;
    const Connection *connection = m_project.connection(scheme->source.connection);
    std::optional<ResolvedConnection> resolved;
    if (compile(&error) && !connection)
        error = QStringLiteral("no connection named '%1'").arg(scheme->source.connection);
    else if (m_transform)
        resolved = resolveConnection(*connection, &error,
                                     projectEnvironment(m_project, options.environment));
    if (resolved) {
        ConnectorContext c;
        c.scheme = scheme->name;
        c.connection = *resolved;
        c.adapter = scheme->source;
        c.network = m_network;
        c.limiter = std::make_shared<RateLimiter>(scheme->rateLimit.value_or(connection->rateLimit));
        c.stats = &m_stats;
        c.retry = scheme->retry;
        // A preview is interactive: fail fast instead of waiting minutes between retries.
        c.retry.attempts = std::min(c.retry.attempts, 2);
        c.retry.initialDelayMs = std::min(c.retry.initialDelayMs, 2000);
        c.state = m_state;
        m_source = createSourceConnector(c, &error);
    }
    if (!m_source) {
        QTimer::singleShot(0, this, [this, error]() { finish(error); });
        return;
    }
    m_traits = m_source->traits();
    const qint64 now = options.clock ? options.clock() : QDateTime::currentSecsSinceEpoch();
    // The most recent window: what changed lately is what people want to see.
    qint64 since = now - 30 * 86400;
    if (m_state) {
        if (const auto cursor = m_state->cursor(scheme->name))
            since = std::min(since, *cursor);
    }
    if (m_traits.maxWindowSeconds > 0)
        since = std::max(since, now - m_traits.maxWindowSeconds);
    m_vars.pageSize = m_traits.pageSize;
    m_vars.page = m_traits.firstPage;
    setWindow(since, now);
    fetchNext();
}

bool Previewer::compile(QString *error)
{
    QStringList compileErrors;
    m_transform =
        Transform::compile(m_project, *m_project.scheme(m_schemeName), m_state, &compileErrors);
    if (!m_transform)
        *error = compileErrors.join(QLatin1Char('\n'));
    return bool(m_transform);
}

void Previewer::setWindow(qint64 since, qint64 now)
{
    m_result.window = {since, now};
    m_vars.lastSyncTime = since;
    m_vars.currentTime = now;
    m_vars.runId = QStringLiteral("preview");
}

void Previewer::startFromRecords(const QList<QJsonObject> &records, const RunOptions &options)
{
    m_result.fromRecords = true;
    QString error;
    if (!m_project.scheme(m_schemeName))
        error = QStringLiteral("no scheme named '%1'").arg(m_schemeName);
    else
        compile(&error);
    if (!error.isEmpty()) {
        QTimer::singleShot(0, this, [this, error]() { finish(error); });
        return;
    }
    const qint64 now = options.clock ? options.clock() : QDateTime::currentSecsSinceEpoch();
    setWindow(now - 30 * 86400, now);
    m_result.sourceRecords = records;
    // Asynchronous like a fetch, so callers handle both the same way (and can cancel).
    QTimer::singleShot(0, this, [this]() {
        if (m_done)
            return;
        m_result.output = m_transform->trace(m_result.sourceRecords, m_vars, &m_result.stages);
        finish();
    });
}

void Previewer::fetchNext()
{
    QString error;
    PageRequest request;
    request.params = m_transform->requestParams(m_vars, &error);
    if (!error.isEmpty()) {
        finish(error);
        return;
    }
    request.window = m_result.window;
    request.page = m_vars.page;
    request.cursor = m_cursor;
    m_source->fetchPage(request, [this](PageResult result) {
        if (m_done)
            return;
        if (auto *e = std::get_if<ConnectorError>(&result)) {
            finish(e->toString());
            return;
        }
        Page page = std::get<Page>(std::move(result));
        ++m_pages;
        const int room = m_limit - int(m_result.sourceRecords.size());
        page.truncate(room);
        m_result.sourceRecords += page.objects();
        TransformOutput out = m_transform->apply(page, m_vars);
        // Merge, shifting the input indices of the new records.
        const int base = int(m_result.output.inputs.size());
        for (QList<int> &indices : out.recordInputs) {
            for (int &i : indices)
                i += base;
        }
        m_result.output.inputs += out.inputs;
        m_result.output.records += out.records;
        m_result.output.recordInputs += out.recordInputs;
        m_result.output.failures += out.failures;
        m_result.output.skipped += out.skipped;
        addStepCounters(&m_result.output.steps, out.steps);
        const bool more = page.pageCount >= 0 ? m_vars.page < page.pageCount : page.hasMore;
        // A few pages keep an interactive preview short, but a limit asked for is reached.
        const int pageSize = std::max(1, m_traits.pageSize);
        const int maxPages = std::max(kMaxPreviewPages, (m_limit + pageSize - 1) / pageSize);
        if (m_result.sourceRecords.size() >= m_limit || !more || m_pages >= maxPages) {
            finish();
            return;
        }
        ++m_vars.page;
        m_cursor = page.nextCursor;
        fetchNext();
    });
}

void Previewer::cancel()
{
    if (m_source)
        m_source->cancel();
    finish(QStringLiteral("cancelled"));
}

void Previewer::finish(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_result.error = error;
    // A fetched sample is traced once, whole, when it is complete (pages were mapped as they
    // came); a cancelled or failed fetch shows no stages.
    if (error.isEmpty() && !m_result.fromRecords && m_transform) {
        TransformVars vars = m_vars;
        vars.page = m_traits.firstPage;
        m_transform->trace(m_result.sourceRecords, vars, &m_result.stages);
    }
    if (m_state)
        m_state->addApiCalls(m_stats.take());
    Q_EMIT finished(m_result);
}

} // namespace weft
