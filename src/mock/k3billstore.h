#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <functional>
#include <vector>

namespace weft::mock {

class K3Dataset;
class MockCatalog;
class MockClock;
struct CatEndpoint;
struct CatParam;
struct K3Form;

/// K3Cloud's saved documents: Save/BatchSave of every form the catalogue has a save for
/// (AR_OtherRecAble, BD_Customer, SAL_SaleOrder), validated row by row, kept, and answered
/// by ExecuteBillQuery of the same form like any other row.
///
/// Each model row is checked on its own — required fields, base data written as
/// {"FNumber": …} naming organisations, customers and materials that exist, numbers where
/// numbers go, the number (FBillNo / FNumber) not used by another document of the form —
/// and a bad row becomes an Errors[] entry with its DIndex while the good rows are saved and
/// returned in SuccessEntitys: one bad record, not a failed batch. AR_OtherRecAble keeps its
/// own stricter checks (docs/mock.md), which the rebates example is built on.
class K3BillStore final
{
public:
    K3BillStore(const K3Dataset &data, const MockClock &clock, const MockCatalog &catalog);

    /// Whether the catalogue has a save of `formId`.
    bool canSave(const QString &formId) const;
    /// Saves `models`; returns the `Result` object of the reply.
    QJsonObject save(const QString &formId, const QJsonArray &models, bool autoAudit);
    QJsonValue written() const;
    void reset();
    /// Changes with every save (cached query results compare it).
    quint64 version() const { return m_version; }

    /// The saved documents of a form, as ExecuteBillQuery rows.
    qint64 count(const K3Form &form) const;
    qint64 timeMs(const K3Form &form, qint64 n) const;
    int lines(const K3Form &form, qint64 n) const;
    std::vector<QJsonValue> row(const K3Form &form, qint64 n, int line) const;

    /// A customer number of the generated customers or of a saved BD_Customer.
    bool customerExists(const QString &number) const;

    /// Builds the ResponseStatus error shape every K3Cloud failure uses.
    static QJsonObject failure(const QString &message, int msgCode,
                               const QString &fieldName = QString(), int errorCode = 500);
    /// The form's primary key, named in saves that update a document: FID for documents,
    /// FCUSTID, FMATERIALID, FSUPPLIERID for base data (K3Cloud's BOS model).
    static QString keyField(const QString &formId);

private:
    struct Problem
    {
        QString field;
        QString message;
    };
    struct Document {
        QJsonObject doc; ///< FormId, Id, Number, DocumentStatus, SavedAt, Model
        qint64 ms = 0;
        qint64 createdMs = 0;
    };
    struct FormDocs {
        QList<Document> docs;
        QHash<QString, qsizetype> byNumber;
        QHash<qint64, qsizetype> byId;
    };

    QList<Problem> validateRebate(const QJsonObject &model) const;
    QList<Problem> validate(const CatEndpoint &save, const QJsonObject &model) const;
    void check(const CatParam &param, const QJsonValue &value, const QString &where,
               QList<Problem> *problems) const;
    void reference(const QJsonObject &model, const QString &field, bool required,
                   const std::function<bool(const QString &)> &exists,
                   QList<Problem> *problems) const;
    bool generatedNumber(const QString &formId, const QString &number) const;
    const FormDocs *docsOf(const K3Form &form) const;

    const K3Dataset &m_data;
    const MockClock &m_clock;
    const MockCatalog &m_catalog;
    QHash<QString, FormDocs> m_forms;         ///< by upper-case FormId
    QList<QPair<QString, qsizetype>> m_order; ///< every save, in order (for written())
    quint64 m_version = 0;
};

} // namespace weft::mock
