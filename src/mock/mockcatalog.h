#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace weft::mock {

/// A record field of a catalogue endpoint's answer (or an element field of an array).
struct CatField {
    QString name;
    QByteArray key; ///< the name as UTF-8, for the JSON text writer
    QString type;   ///< string, int, number, float, bool, datetime, date, array, object
    QString items;  ///< element type of an array without fields
    QString entry;  ///< K3Cloud: the entry (line) entity the field belongs to
    QString describe;
    QString labelEn;
    QList<CatField> fields;
};

/// A request parameter of a query, or a field of a save.
struct CatParam {
    QString field;
    QString label; ///< the Chinese label, for error messages as the systems write them
    QString type;
    QString role; ///< page, pageSize, offset, cursor, windowStart, windowEnd, filter
    bool required = false;
    bool baseData = false; ///< K3Cloud: written as {"FNumber": …} (ConvertObjectParser)
    QJsonValue value;      ///< the catalogue's default, when it has one
    QList<CatParam> children;
};

/// One catalogue endpoint, as much of it as the mock serves by.
///
/// The mock reads the catalogue files itself (docs/mock.md, "The catalogue endpoints") so
/// that it shares no code with weft_core: this is the part of the format it needs.
struct CatEndpoint {
    QString system; ///< jushuitan, kingdee_jdy, kingdee_k3cloud, dingtalk
    QString id;
    QString api;
    QString method;
    bool query = true; ///< effect QUERY; false: EXECUTE
    QList<CatParam> request;
    QString formId;    ///< K3Cloud otherRequest FormId
    QString fieldKeys; ///< K3Cloud otherRequest FieldKeys
    QString pagingKind;
    qint64 defaultPageSize = 0;
    qint64 maxPageSize = 0; ///< 0: not published
    QString windowStart, windowEnd, windowFilter, windowField, windowFormat;
    qint64 maxSpanDays = 0;
    qint64 maxAgeDays = 0;
    QString recordPath;
    bool scalarRecords = false;
    QList<CatField> fields;
    QString keyId, keyNumber, keyName;
    bool bodyIsArray = false;

    QString ref() const { return system + u'/' + id; }
    const CatParam *param(const QString &name) const;
    const CatField *field(const QString &name) const;
    bool hasWindow() const { return !windowStart.isEmpty() || !windowFilter.isEmpty(); }
    /// The last segment of recordPath: where a Jushuitan page keeps its records.
    QString recordKey() const { return recordPath.section(u'.', -1); }
};

/// The API catalogue (resources/catalog/*.json) as the mock reads it: compiled into the
/// executable as its own resource, read by this small reader, never by weft_core's.
class MockCatalog final
{
public:
    /// Reads the compiled-in files; a file that does not read is an error (the mock would
    /// otherwise serve fewer endpoints than it documents).
    static std::unique_ptr<MockCatalog> builtin(QString *error);
    /// Reads catalogue files (tests of the reader).
    static std::unique_ptr<MockCatalog> fromFiles(const QStringList &paths, QString *error);

    const std::vector<CatEndpoint> &endpoints() const { return m_endpoints; }
    const CatEndpoint *find(const QString &system, const QString &id) const;
    const CatEndpoint *find(const QString &ref) const;
    /// The endpoint of `system` at `api` (leading '/' optional) for `method`.
    const CatEndpoint *byApi(const QString &system, const QString &api,
                             const QString &method) const;
    /// K3Cloud: the query (or save) endpoint of a form, by FormId (any case).
    const CatEndpoint *k3Form(const QString &formId, bool query) const;
    /// The query an EXECUTE endpoint's saves show up in: the same api (JDY), the same FormId
    /// (K3Cloud), or the query whose id key is the save's (a Jushuitan upload updates the
    /// orders it names).
    const CatEndpoint *matchingQuery(const CatEndpoint &save) const;

private:
    std::vector<CatEndpoint> m_endpoints;
};

} // namespace weft::mock
