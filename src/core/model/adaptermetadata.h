#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace weft {

/// One entry of a metadata `request[]` (or `otherRequest[]`, or a `children[]` list): a request
/// parameter of a source, or a field of a target, with its mapping value.
struct RequestField {
    QString field;
    QString label;
    QString type;
    QString describe;
    QJsonValue value;  ///< template / _function / literal; Undefined when absent
    QJsonValue parser; ///< {"name": "ConvertObjectParser", "params": "FNumber"} or Undefined
    QList<RequestField> children;
    QString pointer; ///< JSON pointer of this entry inside the adapter's metadata

    bool hasChildren() const { return !children.isEmpty(); }
};

/// A source or target adapter's metadata block, exactly as the seed documents write it.
///
/// The JSON object is kept verbatim (so a pasted block round-trips unchanged, unknown keys
/// included); accessors give a typed view and setters edit the JSON in place.
class AdapterMetadata final
{
public:
    AdapterMetadata() = default;
    explicit AdapterMetadata(QJsonObject json)
        : m_json(std::move(json))
    {}

    const QJsonObject &json() const { return m_json; }
    QJsonObject &json() { return m_json; }
    bool isEmpty() const { return m_json.isEmpty(); }

    QString api() const;
    /// "QUERY" or "EXECUTE" (from `effect`, or `type` as some seeds write it), upper-cased.
    QString effect() const;
    QString method() const;
    QString idField() const { return stringKey(QStringLiteral("id")); }
    QString numberField() const { return stringKey(QStringLiteral("number")); }
    QString nameField() const { return stringKey(QStringLiteral("name")); }
    /// Remember processed ids and skip records already written with the same content.
    bool idCheck() const;
    bool autoFillResponse() const;

    QList<RequestField> request() const;
    QList<RequestField> otherRequest() const;

    /// A setting looked up first as a top-level key, then as an `otherRequest` entry whose
    /// `field` is `name` (the seeds use both places for `beatFlat`, `main_sql`, `limit`,
    /// `FormId`, `FilterString`). Undefined when absent.
    QJsonValue setting(const QString &name) const;
    /// Where setting(name) was found, as a JSON pointer inside the metadata ("" if absent).
    QString settingPointer(const QString &name) const;
    /// `beatFlat`: arrays to explode, from a JSON array or a comma-separated string.
    QStringList beatFlat() const;
    QString mainSql() const;
    /// `limit` as a number (the seeds write "1000" as a string); `fallback` when absent.
    int limit(int fallback) const;

    /// Sets a setting where setting(name) finds it: the `value` of an `otherRequest` entry
    /// when there is one (the seeds put `beatFlat`, `limit`… there), else a top-level key.
    /// An undefined, null or empty value (string or array) removes it.
    void setSetting(const QString &name, const QJsonValue &value);
    /// Sets one key (`value`, `label`, `parser`…) of the request field at `path`
    /// ("FEntity/FCOMMENT" for a child), creating a missing leaf entry; an undefined value
    /// removes the key (and creates nothing). Returns false if a parent is missing.
    bool setRequestKey(const QString &path, const QString &key, const QJsonValue &value);
    /// setRequestKey(path, "value", value): the mapping value of a target field.
    bool setRequestValue(const QString &path, const QJsonValue &value)
    {
        return setRequestKey(path, QStringLiteral("value"), value);
    }
    /// The request field at `path`, or nullptr-equivalent (empty field name) when absent.
    RequestField requestField(const QString &path) const;

    bool operator==(const AdapterMetadata &) const = default;

private:
    QString stringKey(const QString &key) const;

    QJsonObject m_json;
};

/// Reads a request list (`request`, `otherRequest`, `children`), recursively.
QList<RequestField> parseRequestFields(const QJsonArray &array, const QString &pointer);

} // namespace weft
