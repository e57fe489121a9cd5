#include "core/expr/recordview.h"

#include "core/util/jsontape.h"

#include <QVarLengthArray>

namespace weft::expr {

RecordView RecordView::fromTape(std::shared_ptr<const JsonTape> tape, int headerNode,
                                int elementNode, QString elementPrefix, QStringList hidden)
{
    RecordView view;
    view.tape = std::move(tape);
    view.headerNode = headerNode;
    view.elementNode = elementNode;
    view.prefix = std::move(elementPrefix);
    view.hidden = std::move(hidden);
    return view;
}

QJsonValue RecordView::value(QStringView key) const
{
    if (tape)
        return tapeValue(key, nullptr, nullptr, nullptr);
    if (hasElement() && key.startsWith(prefix)) {
        const QJsonValue v = element.value(key.mid(prefix.size()));
        if (!v.isUndefined())
            return v;
    }
    return object.value(key);
}

namespace {
/// o.value(key), looking first at the position the key had in the object read before: a
/// page's records have the same keys (kept sorted), and comparing one key is cheaper than
/// the binary search.
QJsonValue valueAtSlot(const QJsonObject &o, QStringView key, int *slot)
{
    if (*slot >= 0 && *slot < o.size()) {
        const auto at = o.constBegin() + *slot;
        if (at.key() == key)
            return at.value();
    }
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return QJsonValue(QJsonValue::Undefined);
    *slot = int(it - o.constBegin());
    return it.value();
}
} // namespace

namespace {
/// A key as UTF-8 for JsonTape::find, without an allocation for the usual ASCII names.
class Utf8Key
{
public:
    explicit Utf8Key(QStringView key)
    {
        m_bytes.resize(key.size());
        for (qsizetype i = 0; i < key.size(); ++i) {
            const char16_t c = key[i].unicode();
            if (c >= 0x80) {
                const QByteArray utf8 = key.toUtf8();
                m_bytes.resize(utf8.size());
                std::copy(utf8.cbegin(), utf8.cend(), m_bytes.begin());
                return;
            }
            m_bytes[i] = char(c);
        }
    }
    QByteArrayView view() const { return QByteArrayView(m_bytes.constData(), m_bytes.size()); }

private:
    QVarLengthArray<char, 64> m_bytes;
};

/// A tape value, a string as its text in `text` when the caller takes texts.
QJsonValue readTape(const JsonTape &tape, int node, QString *text)
{
    if (text && tape.type(node) == JsonTape::Type::String) {
        *text = tape.string(node);
        return QJsonValue(QJsonValue::String);
    }
    return tape.value(node);
}
} // namespace

QJsonValue RecordView::tapeValue(QStringView key, int *elementSlot, int *objectSlot,
                                 QString *text) const
{
    int noSlot = -1;
    if (elementNode >= 0 && key.startsWith(prefix)) {
        const Utf8Key k(key.mid(prefix.size()));
        const int v = tape->find(elementNode, k.view(), elementSlot ? elementSlot : &noSlot);
        if (v >= 0)
            return readTape(*tape, v, text);
    }
    const Utf8Key k(key);
    noSlot = -1;
    const int v = tape->find(headerNode, k.view(), objectSlot ? objectSlot : &noSlot);
    if (v < 0 || (!hidden.isEmpty() && hidden.contains(key)))
        return QJsonValue(QJsonValue::Undefined);
    return readTape(*tape, v, text);
}

QJsonValue RecordView::value(QStringView key, int *elementSlot, int *objectSlot,
                             QString *text) const
{
    if (tape)
        return tapeValue(key, elementSlot, objectSlot, text);
    if (hasElement() && key.startsWith(prefix)) {
        const QJsonValue v = valueAtSlot(element, key.mid(prefix.size()), elementSlot);
        if (!v.isUndefined())
            return v;
    }
    return valueAtSlot(object, key, objectSlot);
}

QJsonObject RecordView::merged() const
{
    if (tape) {
        QJsonObject out = tape->object(headerNode);
        for (const QString &name : hidden)
            out.remove(name);
        if (elementNode >= 0) {
            const QJsonObject fields = tape->object(elementNode);
            for (auto it = fields.begin(); it != fields.end(); ++it)
                out.insert(prefix + it.key(), it.value());
        }
        return out;
    }
    if (!hasElement())
        return object;
    QJsonObject out = object;
    for (auto it = element.begin(); it != element.end(); ++it)
        out.insert(prefix + it.key(), it.value());
    return out;
}

} // namespace weft::expr
