#include "core/util/jsontape.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QVariant>

using namespace weft;

namespace {

/// QJsonValue's == calls 100 (an integer) and 100.0 (a double) equal; QJsonDocument keeps
/// which one a number is, and so must the tape: compared here with the kind of number.
QString difference(const QJsonValue &a, const QJsonValue &b, const QString &at = QStringLiteral("/"))
{
    if (a.type() != b.type())
        return at + QStringLiteral(": type %1 vs %2").arg(a.type()).arg(b.type());
    switch (a.type()) {
    case QJsonValue::Double: {
        const int ka = a.toVariant().typeId();
        const int kb = b.toVariant().typeId();
        if (ka != kb)
            return at + QStringLiteral(": number kinds %1 vs %2 (%3)").arg(ka).arg(kb).arg(a.toDouble());
        if (ka == QMetaType::LongLong ? a.toInteger() != b.toInteger()
                                      : a.toDouble() != b.toDouble())
            return at + QStringLiteral(": %1 vs %2").arg(a.toDouble(), 0, 'g', 17).arg(b.toDouble(), 0, 'g', 17);
        return {};
    }
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return at + QStringLiteral(": %1 vs %2 elements").arg(x.size()).arg(y.size());
        for (qsizetype i = 0; i < x.size(); ++i) {
            const QString d = difference(x.at(i), y.at(i), at + QString::number(i) + u'/');
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys())
            return at + QStringLiteral(": keys %1 vs %2").arg(x.keys().join(u','), y.keys().join(u','));
        // In step, not by lookup: QJsonObject::value() misses some keys beyond U+FFFF next to
        // keys above U+E000 (it sorts by code point but searches by UTF-16 unit).
        for (auto it = x.begin(), jt = y.begin(); it != x.end(); ++it, ++jt) {
            const QString d = difference(it.value(), jt.value(), at + it.key() + u'/');
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    default:
        return a == b ? QString() : at + QStringLiteral(": values differ");
    }
}

QJsonValue qtValue(const QByteArray &text, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    *ok = error.error == QJsonParseError::NoError;
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

/// Every node of the tape, read back as a value, against QJsonDocument's reading of the
/// same text: the root, and through it every value inside (value() of a container is
/// compared whole; scalars are compared one by one as find()/elements() reach them).
QString compareWithQt(const JsonTape &tape, int node, const QJsonValue &expected,
                      const QString &at = QStringLiteral("/"))
{
    const QString whole = difference(tape.value(node), expected, at);
    if (!whole.isEmpty())
        return whole;
    if (tape.isArray(node)) {
        const QList<int> elements = tape.elements(node);
        const QJsonArray array = expected.toArray();
        if (elements.size() != array.size())
            return at + QStringLiteral(": elements() gives %1, not %2").arg(elements.size()).arg(array.size());
        for (qsizetype i = 0; i < elements.size(); ++i) {
            const QString d = compareWithQt(tape, elements.at(i), array.at(i), at + QString::number(i) + u'/');
            if (!d.isEmpty())
                return d;
        }
    } else if (tape.isObject(node)) {
        const QJsonObject object = expected.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            // A key with a lone surrogate has no UTF-8 to name it by: its value was compared
            // with the whole object above.
            const QByteArray key = it.key().toUtf8();
            if (QString::fromUtf8(key) != it.key())
                continue;
            const int v = tape.find(node, key);
            if (v < 0)
                return at + it.key() + QStringLiteral(": find() does not find it");
            const QString d = compareWithQt(tape, v, it.value(), at + it.key() + u'/');
            if (!d.isEmpty())
                return d;
        }
    }
    return {};
}

/// Random JSON as a page might hold it, and beyond: nested values, repeated keys, escapes of
/// every kind, numbers in every notation.
class Generator
{
public:
    explicit Generator(quint32 seed) : m_random(seed) {}

    QByteArray document()
    {
        QByteArray out;
        if (pick(2))
            object(out, 0);
        else
            array(out, 0);
        return out;
    }

private:
    int pick(int n) { return int(m_random.bounded(n)); }
    void ws(QByteArray &out)
    {
        static const char spaces[] = {' ', '\n', '\r', '\t'};
        while (pick(6) == 0)
            out += spaces[pick(4)];
    }
    void value(QByteArray &out, int depth)
    {
        ws(out);
        switch (depth > 4 ? pick(4) : pick(7)) {
        case 0: string(out); break;
        case 1: number(out); break;
        case 2: out += pick(2) ? "true" : "false"; break;
        case 3: out += "null"; break;
        case 4:
        case 5: object(out, depth + 1); break;
        default: array(out, depth + 1); break;
        }
        ws(out);
    }
    void object(QByteArray &out, int depth)
    {
        out += '{';
        const int n = pick(7);
        QList<QByteArray> keys;
        for (int i = 0; i < n; ++i) {
            if (i)
                out += ',';
            ws(out);
            // A key used before, now and then: the last one counts.
            if (!keys.isEmpty() && pick(6) == 0) {
                out += keys.at(pick(int(keys.size())));
            } else {
                QByteArray key;
                string(key, true);
                keys << key;
                out += key;
            }
            ws(out);
            out += ':';
            value(out, depth);
        }
        ws(out);
        out += '}';
    }
    void array(QByteArray &out, int depth)
    {
        out += '[';
        const int n = pick(6);
        for (int i = 0; i < n; ++i) {
            if (i)
                out += ',';
            value(out, depth);
        }
        ws(out);
        out += ']';
    }
    /// Keys leave out U+FFFF: with keys of U+E000…U+FFFF beside keys beyond U+FFFF,
    /// QJsonDocument's key order is not consistent (seen with Qt 6.4): it may keep the first
    /// of two equal keys instead of the last, and QJsonObject::value() may miss a key it
    /// holds. The tape keeps the last, as it does for every other key.
    void string(QByteArray &out, bool key = false)
    {
        static const char *const pieces[] = {
            "a", "io_id", "SKU-00042", " ", "主仓", "采购入库", "é", "😀", "\\\"", "\\\\",
            "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0041", "\\u00e9", "\\u4e2d",
            "\\ud83d\\ude00", "\\ud800", "\\udfff x", "\\u0000", "'); DROP TABLE x; --",
            "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xdf\xbf"};
        out += '"';
        const int n = pick(5);
        for (int i = 0; i < n; ++i) {
            const char *piece = pieces[pick(int(std::size(pieces)))];
            if (!(key && std::strcmp(piece, "\xef\xbf\xbf") == 0))
                out += piece;
        }
        out += '"';
    }
    void number(QByteArray &out)
    {
        switch (pick(9)) {
        case 0: out += QByteArray::number(qint64(m_random.generate64())); break;
        case 1: out += QByteArray::number(pick(2000) - 1000); break;
        case 2: out += QByteArray::number(std::ldexp(m_random.generateDouble(), pick(200) - 100), 'g', 17); break;
        case 3: out += QByteArray::number(pick(100000) / 1000.0, 'f', pick(5)); break;
        case 4: out += QByteArray::number(m_random.generateDouble() * 1e6, 'e', pick(17)); break;
        case 5: { // an integer too long for qint64
            out += pick(2) ? "-" : "";
            out += QByteArray::number(1 + pick(9));
            for (int i = 0, n = 18 + pick(6); i < n; ++i)
                out += char('0' + pick(10));
            break;
        }
        case 6: {
            static const char *const edges[] = {"0", "-0", "-0.0", "0e0", "1E2", "1e+2", "1e-2",
                                                "9223372036854775807", "-9223372036854775808",
                                                "9223372036854775808", "-9223372036854775809",
                                                "9007199254740993", "9007199254740993.0",
                                                "4.9e-324", "2.2250738585072014e-308",
                                                "1.7976931348623157e308", "0.1", "100.000",
                                                "1e18", "1e19", "123456789.987654321"};
            out += edges[pick(int(std::size(edges)))];
            break;
        }
        default: out += QByteArray::number(pick(1000000)) + '.' + QByteArray::number(pick(1000)); break;
        }
    }

    QRandomGenerator m_random;
};

} // namespace

class TestJsonTape : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsAPageAsQtDoes()
    {
        const QByteArray page = R"({"code":0,"msg":"执行成功","data":{"page_index":1,"page_size":50,
            "has_next":true,"datas":[{"io_id":500001,"ts":1780735915585,"warehouse":"主仓",
            "tax_rate":0.13,"archived":false,"remark":"","items":[{"ioi_id":1000000,"sku_id":
            "SKU-01337","qty":190,"cost_price":2325.534}]}]}})";
        JsonTape tape;
        QVERIFY(tape.parse(page));
        bool ok = false;
        const QJsonValue qt = qtValue(page, &ok);
        QVERIFY(ok);
        QCOMPARE(compareWithQt(tape, JsonTape::root(), qt), QString());

        const int data = tape.find(JsonTape::root(), "data");
        QVERIFY(tape.isObject(data));
        const int datas = tape.find(data, "datas");
        QCOMPARE(tape.size(datas), 1);
        const int record = tape.elements(datas).first();
        QCOMPARE(tape.string(tape.find(record, "warehouse")), QStringLiteral("主仓"));
        QCOMPARE(tape.value(tape.find(record, "ts")).toInteger(), 1780735915585LL);
        QCOMPARE(tape.value(tape.find(record, "tax_rate")).toDouble(), 0.13);
        QCOMPARE(tape.find(record, "missing"), -1);
        QCOMPARE(tape.find(record, "io_"), -1); // a prefix is not the key
        QCOMPARE(tape.span(tape.find(record, "remark")), QByteArrayView(""));
        // next() skips a value and all inside it: the member after "items" is none.
        const int items = tape.find(record, "items");
        QCOMPARE(tape.next(items), tape.next(datas));
        QCOMPARE(tape.object(record).value(QLatin1String("items")).toArray().size(), 1);
    }

    void repeatedAndEscapedKeysReadAsQtDoes()
    {
        const QByteArray text = R"({"a":1,"b":2,"a":3,"c\u0064":4,"cd":5,"e":{"x":1,"x":[2]}})";
        JsonTape tape;
        QVERIFY(tape.parse(text));
        QCOMPARE(tape.value(tape.find(0, "a")).toInteger(), 3LL); // the last "a"
        QCOMPARE(tape.value(tape.find(0, "cd")).toInteger(), 5LL); // "c\u0064" is "cd" too
        QCOMPARE(tape.value(tape.find(tape.find(0, "e"), "x")).toArray().size(), 1);
        bool ok = false;
        QCOMPARE(compareWithQt(tape, 0, qtValue(text, &ok)), QString());
        QVERIFY(ok);
    }

    void hintedFindGivesFindsAnswers()
    {
        // Records of one shape, then others: the hint must never give another answer than
        // find() — not a key of a nested object at the same position, not the first of two.
        const QByteArray text = R"([{"a":1,"b":2},{"a":3,"b":4},{"x":{"b":9},"b":5},)"
                                R"({"b":6,"b":7},{"a":0},{"b":{"b":8}},{"a":1,"b":2}])";
        JsonTape tape;
        QVERIFY(tape.parse(text));
        int hint = -1;
        QList<qint64> found;
        for (const int record : tape.elements(0)) {
            const int v = tape.find(record, "b", &hint);
            QCOMPARE(v, tape.find(record, "b"));
            found << (v < 0 ? -1 : tape.value(v).toInteger(-2));
        }
        QCOMPARE(found, (QList<qint64>{2, 4, 5, 7, -1, -2, 2}));
        QCOMPARE(tape.keys(tape.elements(0).at(2)).size(), 2);
        QCOMPARE(tape.string(tape.keys(tape.elements(0).at(2)).first()), QStringLiteral("x"));
    }

    void edgeCases_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("tapeReads"); // strict JSON the tape reads; the rest it refuses
        const auto row = [](const char *text, bool reads) {
            QTest::newRow(text) << QByteArray(text) << reads;
        };
        row("{}", true);
        row("  [ ]  ", true);
        row("[-0, -0.0, 1.0, 1e2, 0.1e1, 1.5e3, 1e19, 2.5, 4.9e-324]", true);
        row("[9223372036854775807, 9223372036854775808, -9223372036854775809]", true);
        row("[\"\\ud800\", \"\\u00e9\\u4e2d\", \"\\ud83d\\ude00\", \"\\/\"]", true);
        row("[\"\xc3\xa9\", \"\xf0\x9f\x98\x80\", \"\xef\xbf\xbf\"]", true);
        // QJsonDocument reads these, not as strict JSON: the tape leaves them to it.
        row("[.5]", false);
        row("[1.]", false);
        row("[\"a\tb\"]", false);
        row("\xef\xbb\xbf{}", false);
        // Nobody reads these; the tape refuses them as QJsonDocument does.
        row("1", false);
        row("\"x\"", false);
        row("{} x", false);
        row("[01]", false);
        row("[+1]", false);
        row("[1e]", false);
        row("[-]", false);
        row("[1e400]", false);
        row("[-1e400]", false);
        row("[1e-400]", false);
        row("[tru]", false);
        row("[true,]", false);
        row("{\"a\":1,}", false);
        row("{\"a\" 1}", false);
        row("{1:1}", false);
        row("[\"\\x\"]", false);
        row("[\"\\u12g4\"]", false);
        row("[\"abc", false);
        row("[\"\xff\"]", false);
        row("[\"\xc0\x80\"]", false);         // overlong
        row("[\"\xed\xa0\x80\"]", false);     // a surrogate in UTF-8
        row("[\"\xf4\x90\x80\x80\"]", false); // above U+10FFFF
        row("[\"\xe4\xb8\"]", false);         // cut short
        row("", false);
        row("[", false);
        row("{\"a\":", false);
    }
    void edgeCases()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, tapeReads);
        JsonTape tape;
        QCOMPARE(tape.parse(text), tapeReads);
        QCOMPARE(tape.isEmpty(), !tapeReads);
        if (tapeReads) {
            bool ok = false;
            const QJsonValue qt = qtValue(text, &ok);
            QVERIFY(ok);
            QCOMPARE(compareWithQt(tape, 0, qt), QString());
        }
    }

    void deepNestingIsLeftToQt()
    {
        JsonTape tape;
        const QByteArray deep = QByteArray(256, '[') + QByteArray(256, ']');
        QVERIFY(tape.parse(deep));
        QVERIFY(!tape.parse(QByteArray(257, '[') + QByteArray(257, ']')));
        QVERIFY(tape.isEmpty()); // a refused text leaves nothing of the one before
        QVERIFY(!tape.parse(QByteArray(100000, '['))); // no stack overflow either
    }

    void randomDocumentsReadAsQtReadsThem()
    {
        Generator generate(20261203);
        for (int i = 0; i < 3000; ++i) {
            const QByteArray text = generate.document();
            JsonTape tape;
            QVERIFY2(tape.parse(text), text.constData());
            bool ok = false;
            const QJsonValue qt = qtValue(text, &ok);
            QVERIFY2(ok, text.constData());
            const QString d = compareWithQt(tape, 0, qt);
            QVERIFY2(d.isEmpty(), qPrintable(d + QStringLiteral(" in ") + QString::fromUtf8(text)));
        }
    }

    void brokenDocumentsAreRefusedOrReadAsQtReadsThem()
    {
        // What the tape accepts Qt accepts, with the same values: whatever a page's bytes.
        Generator generate(7);
        QRandomGenerator random(11);
        int refused = 0;
        for (int i = 0; i < 5000; ++i) {
            QByteArray text = generate.document();
            for (int m = 0, n = 1 + int(random.bounded(3)); m < n && !text.isEmpty(); ++m) {
                const qsizetype at = random.bounded(int(text.size()));
                static const char bytes[] = {'"', '\\', ',', ':', '[', ']', '{', '}', '0', '-',
                                             'e', '.', ' ', 'x', '\x80', '\xe4', '\0', '\t'};
                switch (random.bounded(3)) {
                case 0: text.remove(at, 1); break;
                case 1: text.insert(at, bytes[random.bounded(int(sizeof bytes))]); break;
                default: text[at] = bytes[random.bounded(int(sizeof bytes))]; break;
                }
            }
            JsonTape tape;
            if (!tape.parse(text)) {
                ++refused;
                continue;
            }
            bool ok = false;
            const QJsonValue qt = qtValue(text, &ok);
            QVERIFY2(ok, text.toPercentEncoding().constData());
            const QString d = compareWithQt(tape, 0, qt);
            QVERIFY2(d.isEmpty(), qPrintable(d + QStringLiteral(" in ") + QString::fromLatin1(text.toPercentEncoding())));
        }
        QVERIFY2(refused > 1000 && refused < 5000, qPrintable(QString::number(refused)));
    }
};

QTEST_GUILESS_MAIN(TestJsonTape)
#include "tst_jsontape.moc"
