#pragma once

#include "timeline.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <memory>
#include <vector>

namespace weft::mock {

class MockClock;

/// The type of a K3Cloud field, for comparisons in FilterString and OrderString.
enum class K3Type { Int, Decimal, String, DateTime };

/// One field of a K3Cloud form: its key (as K3Cloud spells it) and type.
struct K3Field
{
    QString name;
    K3Type type;
};

/// One queryable K3Cloud form (FormId) and its fields.
struct K3Form
{
    enum class Kind { Material, Customer, Organization };
    Kind kind;
    QString formId;
    QList<K3Field> fields;
    int timeField = -1; // FModifyDate, whose order follows the record index

    /// Field index by case-insensitive name (K3Cloud ignores case), or -1.
    int fieldIndex(const QString &name) const;
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

    const K3Form *form(const QString &formId) const;
    qint64 count(const K3Form &form) const;
    /// The record's values in the form's field order.
    std::vector<QJsonValue> row(const K3Form &form, qint64 i) const;
    /// The modification timeline of a form (nullptr for organisations).
    Timeline *timeline(const K3Form &form);
    const Timeline *timeline(const K3Form &form) const;

    Timeline &materials() { return m_materials; }
    const Timeline &materials() const { return m_materials; }
    Timeline &customers() { return m_customers; }
    qint64 customerCount() const { return m_customers.count(); }
    QString customerNumber(qint64 i) const;
    bool customerExists(const QString &number) const;
    bool orgExists(const QString &number) const;
    static QStringList orgNumbers();
    QJsonArray invalidMaterials() const;

    static bool hasLongProductLine(qint64 i) { return i % 97 == 17; }

private:
    std::vector<QJsonValue> materialRow(qint64 i) const;
    std::vector<QJsonValue> customerRow(qint64 i) const;
    std::vector<QJsonValue> orgRow(qint64 i) const;

    quint64 m_seed;
    const MockClock &m_clock;
    Timeline m_materials;
    Timeline m_customers;
    std::vector<std::unique_ptr<K3Form>> m_forms;
};

} // namespace weft::mock
