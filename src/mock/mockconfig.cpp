#include "mockconfig.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <algorithm>
#include <cstdio>
#include <functional>

namespace weft::mock {

namespace {

bool rateIn(const QJsonValue &v, double *out)
{
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1)
        return false;
    *out = v.toDouble();
    return true;
}

// One command-line option and how its value lands in the config.
struct Option
{
    QString name;
    QString valueName; // empty: a switch
    QString help;
    std::function<bool(MockConfig &, const QString &)> apply;
};

template <typename T>
std::function<bool(MockConfig &, const QString &)> integer(T MockConfig::*member, qint64 min)
{
    return [member, min](MockConfig &c, const QString &v) {
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok || n < min)
            return false;
        c.*member = T(n);
        return true;
    };
}

std::function<bool(MockConfig &, const QString &)> text(QString MockConfig::*member)
{
    return [member](MockConfig &c, const QString &v) {
        c.*member = v;
        return !v.isEmpty();
    };
}

std::function<bool(MockConfig &, const QString &)> flag(bool MockConfig::*member)
{
    return [member](MockConfig &c, const QString &) {
        c.*member = true;
        return true;
    };
}

std::function<bool(MockConfig &, const QString &)> faultRate(double FaultSettings::*member)
{
    return [member](MockConfig &c, const QString &v) {
        bool ok = false;
        const double r = v.toDouble(&ok);
        if (!ok || r < 0 || r > 1)
            return false;
        c.faults.*member = r;
        return true;
    };
}

QList<Option> options()
{
    using C = MockConfig;
    using F = FaultSettings;
    return {
        {"host", "address", "Address to listen on (default 127.0.0.1).", text(&C::host)},
        {"port", "port", "Port to listen on; 0 picks a free one (default 18080).",
         integer(&C::port, 0)},
        {"tls-cert", "file",
         "Serve HTTPS with this PEM certificate (chain); needs --tls-key. Default: plain "
         "HTTP.",
         text(&C::tlsCertFile)},
        {"tls-key", "file", "PEM private key (RSA or EC, unencrypted) of --tls-cert.",
         text(&C::tlsKeyFile)},
        {"quiet", {}, "Log nothing but errors.", flag(&C::quiet)},
        {"verbose", {}, "Log one line per request (slows the mock down).", flag(&C::verbose)},
        {"seed", "n", "Seed of the generated data (default 42).", integer(&C::seed, 0)},
        {"now", "unix-seconds",
         "Anchor of the generated data: record times spread over the span before it "
         "(default: process start). Request timestamps are still checked against the real "
         "clock.",
         integer(&C::nowSecs, 1)},
        {"span-days", "days", "How far back generated modification times go (default 180).",
         integer(&C::spanDays, 1)},
        {"utc-offset", "minutes",
         "Zone of datetime text in requests and replies, minutes east of UTC (default 480, "
         "China time).",
         [](C &c, const QString &v) {
             bool ok = false;
             c.utcOffsetMinutes = v.toInt(&ok);
             return ok;
         }},
        {"records", "n", "Size of every dataset (per-dataset options below override it).",
         [](C &c, const QString &v) {
             bool ok = false;
             const qint64 n = v.toLongLong(&ok);
             if (!ok || n < 0)
                 return false;
             c.jstPartners = c.jstPurchaseIns = c.jdyCustomers = n;
             c.k3Materials = c.k3Customers = c.ddInstances = n;
             c.catalogRecords = n;
             return true;
         }},
        {"catalog-records", "n",
         "Size of every catalogue endpoint's dataset (default 500; shops 30, logistics "
         "companies 60, DingTalk departments 20).",
         integer(&C::catalogRecords, 0)},
        {"catalog-size", "endpoint=n",
         "Size of one catalogue endpoint's dataset, e.g. jushuitan/orders.query=2000 "
         "(repeatable, or comma-separated).",
         [](C &c, const QString &v) {
             for (const QString &item : v.split(u',', Qt::SkipEmptyParts)) {
                 bool ok = false;
                 const qint64 n = item.section(u'=', 1).toLongLong(&ok);
                 const QString ref = item.section(u'=', 0, 0).trimmed();
                 if (!ok || n < 0 || !ref.contains(u'/'))
                     return false;
                 c.catalogSizes.insert(ref, n);
             }
             return true;
         }},
        {"jst-partners", "n", "Jushuitan warehouses (default 40).", integer(&C::jstPartners, 0)},
        {"jst-purchaseins", "n", "Jushuitan purchase-ins (default 500).",
         integer(&C::jstPurchaseIns, 0)},
        {"jdy-customers", "n", "Kingdee JDY customers (default 500).",
         integer(&C::jdyCustomers, 0)},
        {"k3-materials", "n", "K3Cloud materials (default 500).", integer(&C::k3Materials, 0)},
        {"k3-customers", "n", "K3Cloud customers CUST0001… (default 500).",
         integer(&C::k3Customers, 0)},
        {"dd-instances", "n", "DingTalk approval instances (default 500).",
         integer(&C::ddInstances, 0)},
        {"jst-app-key", "key", "Jushuitan app_key (default weft-jst-app).", text(&C::jstAppKey)},
        {"jst-app-secret", "secret", "Jushuitan app_secret (default weft-jst-secret).",
         text(&C::jstAppSecret)},
        {"jst-access-token", "token", "Jushuitan initial access_token (default weft-jst-token).",
         text(&C::jstAccessToken)},
        {"jst-refresh-token", "token", "Jushuitan refresh_token (default weft-jst-refresh).",
         text(&C::jstRefreshToken)},
        {"jst-auth-code", "code", "Code accepted by getInitToken (default weft-jst-code).",
         text(&C::jstAuthCode)},
        {"jst-rotate-refresh",
         {},
         "A refresh issues a new refresh_token and invalidates the old one.",
         flag(&C::jstRotateRefresh)},
        {"jst-token-ttl", "seconds", "Lifetime of issued access tokens (default 2592000).",
         integer(&C::jstTokenTtl, 1)},
        {"jst-rate-per-second", "n",
         "Jushuitan calls per interface per second before code 199 (default 5; 0 = no limit).",
         integer(&C::jstRatePerSecond, 0)},
        {"jst-rate-per-minute", "n",
         "Jushuitan calls per interface per minute before code 200 (default 100; 0 = no "
         "limit).",
         integer(&C::jstRatePerMinute, 0)},
        {"jdy-client-id", "id", "JDY X-Api-ClientID (default weft-jdy-client).",
         text(&C::jdyClientId)},
        {"jdy-client-secret", "secret",
         "JDY client secret for X-Api-Signature (default weft-jdy-client-secret).",
         text(&C::jdyClientSecret)},
        {"jdy-app-key", "key", "JDY app_key (default weft-jdy-app).", text(&C::jdyAppKey)},
        {"jdy-app-secret", "secret", "JDY app_secret (default weft-jdy-app-secret).",
         text(&C::jdyAppSecret)},
        {"jdy-token-ttl", "seconds", "Lifetime of a JDY app-token (default 86400).",
         integer(&C::jdyTokenTtl, 1)},
        {"jdy-rate-per-minute", "n",
         "JDY business calls per minute before HTTP 429 (default 0 = no limit).",
         integer(&C::jdyRatePerMinute, 0)},
        {"jdy-token-rate-per-minute", "n",
         "JDY app-token requests per minute before HTTP 429 (default 0 = no limit).",
         integer(&C::jdyTokenRatePerMinute, 0)},
        {"jdy-page-size-quirk",
         {},
         "Reproduce production's quirk: page_size > 100 is cut to 100 but total_page is "
         "computed from the requested size.",
         flag(&C::jdyPageSizeQuirk)},
        {"k3-acct-id", "id", "K3Cloud acctId (default weft-acct).", text(&C::k3AcctId)},
        {"k3-user", "name", "K3Cloud user (default administrator).", text(&C::k3User)},
        {"k3-app-id", "id", "K3Cloud appId (default weft-k3-app).", text(&C::k3AppId)},
        {"k3-app-secret", "secret", "K3Cloud appSecret (default weft-k3-secret).",
         text(&C::k3AppSecret)},
        {"k3-password", "password",
         "K3Cloud password for ValidateUser (default "
         "weft-k3-password).",
         text(&C::k3Password)},
        {"k3-session-idle", "seconds",
         "A K3Cloud session unused this long is lost, MsgCode 1 (default 1200; 0 = never).",
         integer(&C::k3SessionIdle, 0)},
        {"dd-app-key", "key", "DingTalk appkey (default weft-dd-app).", text(&C::ddAppKey)},
        {"dd-app-secret", "secret", "DingTalk appsecret (default weft-dd-secret).",
         text(&C::ddAppSecret)},
        {"dd-process-code", "code", "DingTalk process_code (default PROC-WEFT-REBATE).",
         text(&C::ddProcessCode)},
        {"dd-token-ttl", "seconds", "DingTalk access_token expires_in (default 7200).",
         integer(&C::ddTokenTtl, 1)},
        {"dd-gettoken-per-minute", "n",
         "gettoken calls per minute before errcode 90018 (default 20; 0 = no limit).",
         integer(&C::ddGettokenPerMinute, 0)},
        {"dd-rate-per-second", "n",
         "DingTalk calls per interface per second before errcode 90019 (default 40; 0 = no "
         "limit).",
         integer(&C::ddRatePerSecond, 0)},
        {"dd-app-rate-per-second", "n",
         "DingTalk calls per second over all interfaces before errcode 90002 (default 0 = no "
         "limit).",
         integer(&C::ddAppRatePerSecond, 0)},
        {"no-rate-limits", {}, "Lift every rate limit (benchmarks).", flag(&C::noRateLimits)},
        {"fault-seed", "n", "Seed of the fault decisions (default 1).", integer(&C::faultSeed, 0)},
        {"http5xx-rate", "0..1", "Share of business calls answered with HTTP 5xx.",
         faultRate(&F::http5xxRate)},
        {"timeout-rate", "0..1", "Share of business calls never answered.",
         faultRate(&F::timeoutRate)},
        {"reset-rate", "0..1", "Share of business calls whose connection is reset.",
         faultRate(&F::resetRate)},
        {"throttle-rate", "0..1",
         "Share of business calls answered with the system's throttle error.",
         faultRate(&F::throttleRate)},
        {"truncate-rate", "0..1",
         "Share of business calls processed, then answered with half the body.",
         faultRate(&F::truncateRate)},
        {"malformed-rate", "0..1",
         "Share of business calls processed, then answered with invalid JSON.",
         faultRate(&F::malformedRate)},
        {"drop-rate", "0..1",
         "Share of the records of Jushuitan and JDY list pages left out while the page's "
         "counts still include them.",
         faultRate(&F::dropRate)},
        {"latency-ms", "ms", "Delay added to every business reply.",
         [](C &c, const QString &v) {
             bool ok = false;
             c.faults.latencyMs = v.toInt(&ok);
             return ok && c.faults.latencyMs >= 0;
         }},
        {"fault-only", "mounts",
         "Comma-separated mounts the faults apply to, e.g. /jushuitan,/k3cloud (default all).",
         [](C &c, const QString &v) {
             c.faults.only = v.split(u',', Qt::SkipEmptyParts);
             return true;
         }},
    };
}

} // namespace

QJsonObject FaultSettings::toJson() const
{
    return QJsonObject{{QStringLiteral("http5xxRate"), http5xxRate},
                       {QStringLiteral("timeoutRate"), timeoutRate},
                       {QStringLiteral("resetRate"), resetRate},
                       {QStringLiteral("throttleRate"), throttleRate},
                       {QStringLiteral("truncateRate"), truncateRate},
                       {QStringLiteral("malformedRate"), malformedRate},
                       {QStringLiteral("latencyMs"), latencyMs},
                       {QStringLiteral("dropRate"), dropRate},
                       {QStringLiteral("only"), QJsonArray::fromStringList(only)}};
}

bool FaultSettings::update(const QJsonObject &json, QString *error)
{
    FaultSettings next = *this;
    const std::pair<const char *, double FaultSettings::*> rates[] = {
        {"http5xxRate", &FaultSettings::http5xxRate},
        {"timeoutRate", &FaultSettings::timeoutRate},
        {"resetRate", &FaultSettings::resetRate},
        {"throttleRate", &FaultSettings::throttleRate},
        {"truncateRate", &FaultSettings::truncateRate},
        {"malformedRate", &FaultSettings::malformedRate},
        {"dropRate", &FaultSettings::dropRate}}; // not a share of the calls: not in the sum
    for (const auto &[key, member] : rates) {
        const QString k = QString::fromLatin1(key);
        if (json.contains(k) && !rateIn(json.value(k), &(next.*member))) {
            *error = QStringLiteral("%1 must be a number from 0 to 1").arg(k);
            return false;
        }
    }
    if (json.contains(QLatin1String("latencyMs"))) {
        const QJsonValue v = json.value(QLatin1String("latencyMs"));
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 600000) {
            *error = QStringLiteral("latencyMs must be a number of milliseconds (0..600000)");
            return false;
        }
        next.latencyMs = v.toInt();
    }
    if (json.contains(QLatin1String("only"))) {
        next.only.clear();
        for (const QJsonValue &v : json.value(QLatin1String("only")).toArray())
            next.only << v.toString();
    }
    const double sum = next.http5xxRate + next.timeoutRate + next.resetRate + next.throttleRate +
                       next.truncateRate + next.malformedRate;
    if (sum > 1.0 + 1e-9) {
        *error =
            QStringLiteral("the fault rates add up to %1; their sum must be at most 1").arg(sum);
        return false;
    }
    *this = next;
    return true;
}

qint64 MockConfig::catalogSize(const QString &endpointRef) const
{
    const auto it = catalogSizes.constFind(endpointRef);
    if (it != catalogSizes.cend())
        return it.value();
    if (catalogRecords >= 0)
        return catalogRecords;
    if (endpointRef == QLatin1String("jushuitan/shops.query"))
        return 30;
    if (endpointRef == QLatin1String("jushuitan/logisticscompany.query"))
        return 60;
    if (endpointRef == QLatin1String("dingtalk/department.listsub"))
        return 20;
    return 500;
}

QJsonObject MockConfig::toJson() const
{
    return QJsonObject{
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("now"), nowSecs},
        {QStringLiteral("spanDays"), spanDays},
        {QStringLiteral("utcOffsetMinutes"), utcOffsetMinutes},
        {QStringLiteral("datasets"),
         QJsonObject{{QStringLiteral("jst-partners"), jstPartners},
                     {QStringLiteral("jst-purchaseins"), jstPurchaseIns},
                     {QStringLiteral("jdy-customers"), jdyCustomers},
                     {QStringLiteral("k3-materials"), k3Materials},
                     {QStringLiteral("k3-customers"), k3Customers},
                     {QStringLiteral("dd-instances"), ddInstances},
                     {QStringLiteral("catalogRecords"), catalogRecords},
                     {QStringLiteral("catalogSizes"),
                      [this] {
                          QJsonObject sizes;
                          for (auto it = catalogSizes.cbegin(); it != catalogSizes.cend(); ++it)
                              sizes.insert(it.key(), it.value());
                          return sizes;
                      }()}}},
        {QStringLiteral("jushuitan"),
         QJsonObject{{QStringLiteral("appKey"), jstAppKey},
                     {QStringLiteral("appSecret"), jstAppSecret},
                     {QStringLiteral("accessToken"), jstAccessToken},
                     {QStringLiteral("refreshToken"), jstRefreshToken},
                     {QStringLiteral("authCode"), jstAuthCode},
                     {QStringLiteral("ratePerSecond"), limit(jstRatePerSecond)},
                     {QStringLiteral("ratePerMinute"), limit(jstRatePerMinute)}}},
        {QStringLiteral("jdy"), QJsonObject{{QStringLiteral("clientId"), jdyClientId},
                                            {QStringLiteral("clientSecret"), jdyClientSecret},
                                            {QStringLiteral("appKey"), jdyAppKey},
                                            {QStringLiteral("appSecret"), jdyAppSecret},
                                            {QStringLiteral("tokenTtl"), jdyTokenTtl}}},
        {QStringLiteral("k3cloud"), QJsonObject{{QStringLiteral("acctId"), k3AcctId},
                                                {QStringLiteral("user"), k3User},
                                                {QStringLiteral("appId"), k3AppId},
                                                {QStringLiteral("appSecret"), k3AppSecret},
                                                {QStringLiteral("password"), k3Password},
                                                {QStringLiteral("lcid"), 2052}}},
        {QStringLiteral("dingtalk"),
         QJsonObject{{QStringLiteral("appKey"), ddAppKey},
                     {QStringLiteral("appSecret"), ddAppSecret},
                     {QStringLiteral("processCode"), ddProcessCode},
                     {QStringLiteral("gettokenPerMinute"), limit(ddGettokenPerMinute)},
                     {QStringLiteral("ratePerSecond"), limit(ddRatePerSecond)}}},
        {QStringLiteral("faultSeed"), QString::number(faultSeed)},
    };
}

std::optional<MockConfig> parseCommandLine(const QStringList &arguments, int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Mock servers of Jushuitan, Kingdee JDY, Kingdee K3Cloud and DingTalk on one port:\n"
        "  /jushuitan  /jdy  /k3cloud  /dingtalk   the systems' real paths below each mount\n"
        "  /_mock      control: stats, written, records/<dataset>, invalid, touch, reset,\n"
        "              faults, info\n"
        "Prints 'weft-mock listening on http://HOST:PORT' once it accepts connections\n"
        "(https:// with --tls-cert and --tls-key).\n"
        "See docs/mock.md for credentials, datasets, error codes and examples."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<Option> opts = options();
    for (const Option &o : opts) {
        parser.addOption(o.valueName.isEmpty() ? QCommandLineOption(o.name, o.help)
                                               : QCommandLineOption(o.name, o.help, o.valueName));
    }
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "weft-mock: %s\n", qPrintable(parser.errorText()));
        *exitCode = 2;
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        *exitCode = 0;
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("weft-mock %s\n", WEFT_VERSION);
        *exitCode = 0;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "weft-mock: unexpected argument '%s' (see --help)\n",
                     qPrintable(parser.positionalArguments().constFirst()));
        *exitCode = 2;
        return std::nullopt;
    }
    MockConfig config;
    // --records first, so the per-dataset sizes given with it win whatever their order.
    QList<Option> applyOrder = opts;
    std::stable_partition(applyOrder.begin(), applyOrder.end(),
                          [](const Option &o) { return o.name == QLatin1String("records"); });
    for (const Option &o : applyOrder) {
        if (!parser.isSet(o.name))
            continue;
        // Repeatable options arrive joined by commas, the form one option also accepts.
        const QString value =
            o.valueName.isEmpty() ? QString() : parser.values(o.name).join(QLatin1Char(','));
        if (!o.apply(config, value)) {
            std::fprintf(stderr, "weft-mock: invalid value '%s' for --%s (see --help)\n",
                         qPrintable(value), qPrintable(o.name));
            *exitCode = 2;
            return std::nullopt;
        }
    }
    if (config.tlsCertFile.isEmpty() != config.tlsKeyFile.isEmpty()) {
        std::fprintf(stderr, "weft-mock: --tls-cert and --tls-key go together (see --help)\n");
        *exitCode = 2;
        return std::nullopt;
    }
    QString error;
    if (!config.faults.update(QJsonObject(), &error)) {
        std::fprintf(stderr, "weft-mock: %s\n", qPrintable(error));
        *exitCode = 2;
        return std::nullopt;
    }
    if (config.nowSecs == 0)
        config.nowSecs = QDateTime::currentSecsSinceEpoch();
    return config;
}

} // namespace weft::mock
