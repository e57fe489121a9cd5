#pragma once

#include "timeline.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace weft::mock {

class MockClock;

/// The type of a K3Cloud field, for comparisons in FilterString and OrderString.
enum class K3Type { Int, Decimal, String, DateTime };

class MockCatalog;
struct MockConfig;
struct CatEndpoint;
struct CatField;
class RecordGenerator;

/// One field of a K3Cloud form: its key (as K3Cloud spells it) and type.
struct K3Field
{
    QString name;
    K3Type type;
    bool line = false;                 ///< a field of the form's entry (detail line)
    const CatField *catalog = nullptr; ///< the catalogue field that makes its values
};

/// One queryable K3Cloud form (FormId) and its fields.
///
/// Materials, customers and organisations are hand-written (the example projects are built
/// on them; catalogue fields they lack are appended and generated). The other forms of the
/// catalogue are generated from their declared fields: documents with entry fields have 1–3
/// lines, and a query answers one row per line (K3Cloud's way) when it reads a line field.
struct K3Form
{
    enum class Kind { Material, Customer, Organization, Catalog };
    Kind kind;
    QString formId;
    QList<K3Field> fields;
    int timeField = -1; // FModifyDate, whose order follows the record index
    int ownFields = 0;  // hand-written forms: the fields their rows make themselves
    const CatEndpoint *query = nullptr;         // the catalogue query of the form
    const RecordGenerator *generator = nullptr; // catalogue values (and completion)
    bool hasLines = false;

    /// Field index by case-insensitive name (K3Cloud ignores case), or -1.
    int fieldIndex(const QString &name) const;
    /// Row ids of forms with lines: document * kLineSlots + line.
    static constexpr qint64 kLineSlots = 4;
};

/// Kingdee K3Cloud's generated base data: materials (BD_MATERIAL), customers (BD_Customer,
/// numbers CUST0001…) and organisations (ORG_Organizations: 100, 101, T00).
///
/// Deliberately invalid: material i ≡ 17 (mod 97) has an F_ProductLine of 300 characters
/// (and passes the seed's filter: org T00, status C, enabled).
class K3Dataset final
{
public:
    K3Dataset(quint64 seed, const MockClock &clock, qint64 materials, qint64 customers,
              qint64 spanMs);
    ~K3Dataset();

    /// Adds the catalogue's forms, and its declared fields the hand-written forms lack.
    void attachCatalog(const MockCatalog &catalog, const MockConfig &config, qint64 spanMs);
    QStringList formIds() const;

    const K3Form *form(const QString &formId) const;
    /// Records (documents) of the form.
    qint64 count(const K3Form &form) const;
    /// Lines of document i (1 for forms without entry fields).
    int lines(const K3Form &form, qint64 i) const;
    /// The record's values in the form's field order (`line` of a document with lines).
    std::vector<QJsonValue> row(const K3Form &form, qint64 i, int line = 0) const;
    /// The modification timeline of a form (nullptr for organisations).
    Timeline *timeline(const K3Form &form);
    const Timeline *timeline(const K3Form &form) const;

    Timeline &materials() { return m_materials; }
    const Timeline &materials() const { return m_materials; }
    Timeline &customers() { return m_customers; }
    qint64 customerCount() const { return m_customers.count(); }
    QString customerNumber(qint64 i) const;
    bool customerExists(const QString &number) const;
    bool materialExists(const QString &number) const;
    QString materialNumber(qint64 i) const;
    QString materialName(qint64 i) const;
    /// The name of the material with this number ("" when there is none).
    QString materialNameOf(const QString &number) const;
    bool orgExists(const QString &number) const;
    static QStringList orgNumbers();
    QJsonArray invalidMaterials() const;

    static bool hasLongProductLine(qint64 i) { return i % 97 == 17; }

private:
    std::vector<QJsonValue> materialRow(qint64 i) const;
    std::vector<QJsonValue> customerRow(qint64 i) const;
    std::vector<QJsonValue> orgRow(qint64 i) const;
    std::vector<QJsonValue> catalogRow(const K3Form &form, qint64 i, int line) const;
    std::optional<qint64> materialIndex(const QString &number) const;

    quint64 m_seed;
    const MockClock &m_clock;
    Timeline m_materials;
    Timeline m_customers;
    std::vector<std::unique_ptr<K3Form>> m_forms;
    std::vector<std::unique_ptr<RecordGenerator>> m_generators;
    std::map<const K3Form *, std::unique_ptr<Timeline>> m_timelines; // catalogue forms
};

} // namespace weft::mock
