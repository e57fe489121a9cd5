#pragma once

#include <QString>

#include <memory>

namespace spdlog {
class logger;
namespace sinks {
class sink;
}
} // namespace spdlog

namespace weft::log {

/// Where and how much weft logs. Console goes to stderr so stdout stays machine-readable.
struct LogSettings {
    QString consoleLevel = QStringLiteral("info"); ///< trace, debug, info, warn, error, off
    QString filePath;                               ///< rotating log file; empty: none
    int maxFileBytes = 10 * 1024 * 1024;
    int maxFiles = 5;
};

/// Sets up the process-wide "weft" logger (console + optional rotating file). Every sink is
/// wrapped so that registered secret values never reach it (architecture.md principle 11).
void setup(const LogSettings &settings);

/// Adds a sink (e.g. the designer's log view) to the weft logger; also redacted.
void addSink(std::shared_ptr<spdlog::sinks::sink> sink);
void removeSink(const std::shared_ptr<spdlog::sinks::sink> &sink);

/// The weft logger (created with defaults if setup() was not called).
std::shared_ptr<spdlog::logger> logger();

/// Registers a secret value (an app secret, a token, a password): from now on it is replaced
/// by "***" in every log line — as it is, and in the forms it takes inside a URL
/// (percent-encoded) and inside JSON text (escaped). Values shorter than 4 characters are
/// ignored (they would redact ordinary text).
void registerSecret(const QString &value);
/// Registers the credentials a URL carries: its password, and the values of query items whose
/// names say they are secret (access_token=…, sign=…, key=…).
void registerSecretsInUrl(const QString &url);
/// `text` with every registered secret replaced.
QString redact(const QString &text);

void debug(const QString &message);
void info(const QString &message);
void warn(const QString &message);
void error(const QString &message);

} // namespace weft::log
