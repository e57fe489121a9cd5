#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace weft::mock {

/// Fault injection settings, changeable at run time through `/_mock/faults`.
struct FaultSettings
{
    double http5xxRate = 0;   // answer 500/502/503/504 without processing
    double timeoutRate = 0;   // never answer (the socket stays open)
    double resetRate = 0;     // reset the connection (RST) without answering
    double throttleRate = 0;  // answer with the system's throttle error
    double truncateRate = 0;  // process, then send half the body and close
    double malformedRate = 0; // process, then send a body that is not valid JSON
    int latencyMs = 0;        // added to every business reply
    // Share of the records of a Jushuitan or JDY list page left out while the page's counts
    // (data_count, count) still include them: a source losing records (reconciliation).
    double dropRate = 0;
    QStringList only;         // mount prefixes the faults apply to ("/jushuitan"); empty = all

    QJsonObject toJson() const;
    /// Applies the keys present in `json`; false and a message on a bad value.
    bool update(const QJsonObject &json, QString *error);
};

/// Everything weft-mock is told on its command line.
struct MockConfig
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 18080;
    bool quiet = false;
    bool verbose = false;

    quint64 seed = 42;
    qint64 nowSecs = 0;         // anchor of the generated data; 0 = process start
    int utcOffsetMinutes = 480; // datetime text is China time (UTC+8)
    qint64 spanDays = 180;

    qint64 jstPartners = 40;
    qint64 jstPurchaseIns = 500;
    qint64 jdyCustomers = 500;
    qint64 k3Materials = 500;
    qint64 k3Customers = 500;
    qint64 ddInstances = 500;
    /// Records of every catalogue dataset (-1: each endpoint's default, catalogSize()).
    qint64 catalogRecords = -1;
    /// Per catalogue endpoint ("jushuitan/orders.query"), overriding catalogRecords.
    QHash<QString, qint64> catalogSizes;

    QString jstAppKey = QStringLiteral("weft-jst-app");
    QString jstAppSecret = QStringLiteral("weft-jst-secret");
    QString jstAccessToken = QStringLiteral("weft-jst-token");
    QString jstRefreshToken = QStringLiteral("weft-jst-refresh");
    QString jstAuthCode = QStringLiteral("weft-jst-code");
    bool jstRotateRefresh = false;
    qint64 jstTokenTtl = 30 * 86400;
    int jstRatePerSecond = 5;
    int jstRatePerMinute = 100;

    QString jdyClientId = QStringLiteral("weft-jdy-client");
    QString jdyClientSecret = QStringLiteral("weft-jdy-client-secret");
    QString jdyAppKey = QStringLiteral("weft-jdy-app");
    QString jdyAppSecret = QStringLiteral("weft-jdy-app-secret");
    qint64 jdyTokenTtl = 86400;
    int jdyRatePerMinute = 0;
    int jdyTokenRatePerMinute = 0;
    bool jdyPageSizeQuirk = false;

    QString k3AcctId = QStringLiteral("weft-acct");
    QString k3User = QStringLiteral("administrator");
    QString k3AppId = QStringLiteral("weft-k3-app");
    QString k3AppSecret = QStringLiteral("weft-k3-secret");
    QString k3Password = QStringLiteral("weft-k3-password");
    qint64 k3SessionIdle = 1200;

    QString ddAppKey = QStringLiteral("weft-dd-app");
    QString ddAppSecret = QStringLiteral("weft-dd-secret");
    QString ddProcessCode = QStringLiteral("PROC-WEFT-REBATE");
    qint64 ddTokenTtl = 7200;
    int ddGettokenPerMinute = 20;
    int ddRatePerSecond = 40;
    int ddAppRatePerSecond = 0;

    bool noRateLimits = false;
    quint64 faultSeed = 1;
    FaultSettings faults;

    /// HTTPS: a PEM certificate (chain) and its PEM private key; both empty = plain HTTP.
    QString tlsCertFile;
    QString tlsKeyFile;
    bool tls() const { return !tlsCertFile.isEmpty(); }

    /// Records of a catalogue endpoint's dataset: --catalog-size, else --catalog-records
    /// (or --records), else 500 — fewer for master data that is small in practice (shops,
    /// logistics companies, departments).
    qint64 catalogSize(const QString &endpointRef) const;
    /// The effective limit: 0 (unlimited) when --no-rate-limits is given.
    int limit(int configured) const { return noRateLimits ? 0 : configured; }
    /// The configuration as JSON for `/_mock/info` (secrets included: it is a mock).
    QJsonObject toJson() const;
};

/// Parses the command line. Returns nullopt with `exitCode` set when the process should
/// stop (after --help, --version, or an error already printed).
std::optional<MockConfig> parseCommandLine(const QStringList &arguments, int *exitCode);

} // namespace weft::mock
