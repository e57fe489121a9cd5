#include "core/util/envexpand.h"

#include <QHash>
#include <QtTest>

using namespace weft;

class TestEnvExpand : public QObject
{
    Q_OBJECT
private:
    EnvLookup env() const
    {
        return [](const QString &name) -> QString {
            static const QHash<QString, QString> vars{{"HOST", "erp.example.com"},
                                                      {"EMPTY", ""}};
            return vars.value(name);
        };
    }

private Q_SLOTS:
    void expandsSetVariables()
    {
        const auto e = expandEnv("https://${HOST}/api", env());
        QCOMPARE(e.text, QStringLiteral("https://erp.example.com/api"));
        QVERIFY(e.missing.isEmpty());
        QVERIFY(e.error.isEmpty());
    }

    void defaultsApplyWhenUnsetOrEmpty()
    {
        QCOMPARE(expandEnv("${NOPE:-http://127.0.0.1:18080}/jst", env()).text,
                 QStringLiteral("http://127.0.0.1:18080/jst"));
        QCOMPARE(expandEnv("${EMPTY:-fallback}", env()).text, QStringLiteral("fallback"));
        QCOMPARE(expandEnv("${HOST:-fallback}", env()).text, QStringLiteral("erp.example.com"));
    }

    void reportsMissingVariables()
    {
        const auto e = expandEnv("${A}-${HOST}-${B}", env());
        QCOMPARE(e.missing, QStringList({"A", "B"}));
        QCOMPARE(e.text, QStringLiteral("-erp.example.com-"));
    }

    void dollarEscapesAndLoneDollars()
    {
        QCOMPARE(expandEnv("price $5 and $${HOST}", env()).text,
                 QStringLiteral("price $5 and ${HOST}"));
    }

    void malformedReferencesAreErrors()
    {
        QVERIFY(!expandEnv("${HOST", env()).error.isEmpty());
        QVERIFY(!expandEnv("${1BAD}", env()).error.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestEnvExpand)
#include "tst_envexpand.moc"
