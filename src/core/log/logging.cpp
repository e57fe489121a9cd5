#include "core/log/logging.h"

#include "core/util/envexpand.h"
#include "core/platform/filepermissions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace weft::log {

namespace {

QMutex g_secretsMutex;
std::vector<std::string> g_secrets; // longest first, so a secret containing another goes first

std::string redactUtf8(std::string text)
{
    QMutexLocker lock(&g_secretsMutex);
    for (const std::string &s : g_secrets) {
        std::string::size_type pos = 0;
        while ((pos = text.find(s, pos)) != std::string::npos) {
            text.replace(pos, s.size(), "***");
            pos += 3;
        }
    }
    return text;
}

/// Passes every message through redaction before the real sinks see it.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit RedactingSink(std::shared_ptr<spdlog::sinks::dist_sink_mt> target)
        : m_target(std::move(target))
    {
    }

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        const std::string clean = redactUtf8(std::string(msg.payload.data(), msg.payload.size()));
        spdlog::details::log_msg copy(msg.time, msg.source, msg.logger_name, msg.level, clean);
        m_target->log(copy);
    }
    void flush_() override { m_target->flush(); }

private:
    std::shared_ptr<spdlog::sinks::dist_sink_mt> m_target;
};

constexpr const char *kPattern = "%Y-%m-%d %H:%M:%S.%e %^%l%$ %v";
std::shared_ptr<spdlog::sinks::dist_sink_mt> g_sinks;
std::shared_ptr<spdlog::logger> g_logger;
QMutex g_setupMutex;

void ensureLogger()
{
    if (g_logger)
        return;
    g_sinks = std::make_shared<spdlog::sinks::dist_sink_mt>();
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(spdlog::level::info);
    g_sinks->add_sink(console);
    g_logger = std::make_shared<spdlog::logger>("weft", std::make_shared<RedactingSink>(g_sinks));
    g_logger->set_level(spdlog::level::trace);
    g_sinks->set_pattern(kPattern);
    g_logger->flush_on(spdlog::level::warn);
}

} // namespace

void setup(const LogSettings &settings)
{
    QMutexLocker lock(&g_setupMutex);
    ensureLogger();
    g_sinks->set_sinks({});
    const auto level = spdlog::level::from_str(settings.consoleLevel.toStdString());
    if (level != spdlog::level::off) {
        auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_level(level);
        g_sinks->add_sink(console);
    }
    if (!settings.filePath.isEmpty()) {
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                settings.filePath.toStdString(), settings.maxFileBytes, settings.maxFiles);
            file->set_level(spdlog::level::debug);
            g_sinks->add_sink(file);
            // Logs quote failed records (customer data): a file an earlier version made
            // readable by others is not any more (new ones are created so: platform/filepermissions.h).
            restrictFile(settings.filePath);
        } catch (const spdlog::spdlog_ex &e) {
            g_logger->warn("cannot open log file {}: {}", settings.filePath.toStdString(),
                           e.what());
        }
    }
    g_sinks->set_pattern(kPattern);
}

void addSink(std::shared_ptr<spdlog::sinks::sink> sink)
{
    QMutexLocker lock(&g_setupMutex);
    ensureLogger();
    g_sinks->add_sink(std::move(sink));
}

void removeSink(const std::shared_ptr<spdlog::sinks::sink> &sink)
{
    QMutexLocker lock(&g_setupMutex);
    if (g_sinks)
        g_sinks->remove_sink(sink);
}

std::shared_ptr<spdlog::logger> logger()
{
    QMutexLocker lock(&g_setupMutex);
    ensureLogger();
    return g_logger;
}

void registerSecret(const QString &value)
{
    if (value.size() < 4)
        return;
    // The value as it is, and as it appears quoted in a URL or in JSON text (a token echoed
    // in an error body, a password in a connection string).
    QStringList forms{value, QString::fromLatin1(QUrl::toPercentEncoding(value)),
                      QString::fromLatin1(QUrl::toPercentEncoding(value, "/:@!$&'()*+,;=")),
                      QString::fromLatin1(QUrl::toPercentEncoding(value).replace("%20", "+"))};
    QString json = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    json = json.mid(2, json.size() - 4); // ["…"]
    forms << json << QString(json).replace(u'/', QStringLiteral("\\/"));
    QMutexLocker lock(&g_secretsMutex);
    for (const QString &form : std::as_const(forms)) {
        const std::string s = form.toStdString();
        if (s.size() < 4 || std::find(g_secrets.begin(), g_secrets.end(), s) != g_secrets.end())
            continue;
        g_secrets.push_back(s);
    }
    std::sort(g_secrets.begin(), g_secrets.end(),
              [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
}

void registerSecretsInUrl(const QString &url)
{
    const QUrl parsed(url);
    if (!parsed.password().isEmpty())
        registerSecret(parsed.password());
    for (const auto &[name, value] :
         QUrlQuery(parsed).queryItems(QUrl::FullyDecoded)) {
        if (looksSecret(name))
            registerSecret(value);
    }
}

QString redact(const QString &text)
{
    return QString::fromStdString(redactUtf8(text.toStdString()));
}

void debug(const QString &message)
{
    logger()->debug(message.toStdString());
}

void info(const QString &message)
{
    logger()->info(message.toStdString());
}

void warn(const QString &message)
{
    logger()->warn(message.toStdString());
}

void error(const QString &message)
{
    logger()->error(message.toStdString());
}

} // namespace weft::log
