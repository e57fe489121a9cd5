// The mock's JSON text writer (jsonsink.h), which writes every page a benchmark reads: the
// text must be JSON that Qt's parser reads back as exactly what was written, and numbers
// must be written as Qt writes them.

#include "jsonsink.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QtTest>

using namespace weft::mock;

namespace {

// The text a JsonTextSink writes for one string field, read back by Qt.
QString roundTrip(const QString &text)
{
    QByteArray out;
    JsonTextSink sink(out);
    sink.beginObject();
    sink.field("s", text);
    sink.endObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("<not JSON: %1: %2>").arg(error.errorString(), QString::fromUtf8(out));
    return doc.object().value(QLatin1String("s")).toString();
}

} // namespace

class TestMockJsonText : public QObject
{
    Q_OBJECT

private slots:
    void stringsComeBackAsWritten_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("ascii") << QStringLiteral("Confirmed");
        QTest::newRow("quote and backslash") << QStringLiteral("a \"b\" \\c\\");
        QTest::newRow("controls") << QString::fromUtf8("tab\tnl\ncr\rbell\x07nul") + QChar(0) +
                                         QChar(0x1f);
        QTest::newRow("two-byte") << QString::fromUtf8("café ñ ©");
        QTest::newRow("chinese") << QStringLiteral("采购入库（第2次修改）");
        QTest::newRow("emoji, 4-byte UTF-8") << QString::fromUtf8("仓库 😀 𠀀 end");
        QTest::newRow("last unit U+FFFF") << QString(QChar(0xffff));
    }
    void stringsComeBackAsWritten()
    {
        QFETCH(QString, text);
        QCOMPARE(roundTrip(text), text);
    }

    void loneSurrogatesAreWrittenAsToUtf8WritesThem()
    {
        // QString::toUtf8() (what the writer did before) makes a lone surrogate '?'.
        const QString text = QString(QChar(0xd800)) + u'a' + QChar(0xdc00) + QChar(0xd83d);
        QCOMPARE(roundTrip(text), QString::fromUtf8(text.toUtf8()));
        QCOMPARE(roundTrip(text), QStringLiteral("?a??"));
    }

    void manyRandomStringsComeBack()
    {
        QRandomGenerator rng(7);
        for (int n = 0; n < 2000; ++n) {
            QString text;
            const int length = int(rng.bounded(0, 40));
            for (int k = 0; k < length; ++k) {
                const quint32 pick = rng.bounded(0, 4);
                if (pick == 0)
                    text += QChar(char16_t(rng.bounded(0, 0x80)));
                else if (pick == 1)
                    text += QChar(char16_t(rng.bounded(0x80, 0x800)));
                else if (pick == 2)
                    text += QChar(char16_t(rng.bounded(0x4e00, 0x9fff)));
                else
                    text += QString::fromUcs4(std::array{char32_t(rng.bounded(0x10000, 0x10ffff))}.data(), 1);
            }
            QCOMPARE(roundTrip(text), text);
        }
    }

    void numbersAreWrittenAsQtWritesThem()
    {
        // What QJsonDocument::toJson writes for a double (integers exactly, others in the
        // shortest form that reads back the same), for the values a dataset makes and beyond.
        QList<double> values = {0, 1, -1, 0.13, 0.09, 0.5, 12.34, 1234.5678, 5000.99, 1e-3,
                                0.00123, 123456789012.25, 9007199254740991.0, 1e15 + 0.5,
                                1e-4, 1.5e-7, 1e21, 2.5e300, -0.0625};
        QRandomGenerator rng(11);
        for (int n = 0; n < 100000; ++n)
            values.append(std::round(rng.generateDouble() * 5e7) / std::pow(10.0, rng.bounded(0, 7)));
        for (const double d : values) {
            char text[kJsonNumberMax];
            const QByteArray mine(text, jsonNumberText(text, d));
            // Qt's own writer is the reference: "[x]" of a one-element array.
            const QByteArray qt =
                QJsonDocument(QJsonArray{d}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
            QCOMPARE(mine, qt);
            QCOMPARE(mine.toDouble(), d);
        }
    }

    void sinkWritesCompactJson()
    {
        QByteArray out = "prefix:";
        JsonTextSink sink(out);
        sink.beginObject();
        sink.field("n", qint64(42));
        sink.field("x", 0.25);
        sink.field("b", false);
        sink.field("s", QStringLiteral("仓"));
        sink.beginArray("items");
        sink.element([](QByteArray &text) { text += "{}"; });
        sink.element([](QByteArray &text) {
            JsonTextSink inner(text);
            inner.beginObject();
            inner.field("k", true);
            inner.endObject();
        });
        sink.endArray();
        sink.endObject();
        QCOMPARE(out, QByteArray("prefix:{\"n\":42,\"x\":0.25,\"b\":false,\"s\":\"") +
                          QStringLiteral("仓").toUtf8() + "\",\"items\":[{},{\"k\":true}]}");
    }
};

QTEST_APPLESS_MAIN(TestMockJsonText)
#include "tst_mockjsontext.moc"
