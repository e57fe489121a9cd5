#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <functional>
#include <optional>

namespace weft::mock {

class K3Dataset;
class MockClock;

/// K3Cloud's saved documents (AR_OtherRecAble): validation row by row, as Save/BatchSave do.
///
/// Each model row is checked on its own (required fields, base-data references to orgs and
/// customers that exist, entry lines); a bad row becomes an Errors[] entry with its DIndex and
/// the good rows are saved and returned in SuccessEntitys — one bad record, not a failed batch.
class K3BillStore final
{
public:
    K3BillStore(const K3Dataset &data, const MockClock &clock);

    static bool supports(const QString &formId);
    /// Saves `models`; returns the `Result` object of the reply.
    QJsonObject save(const QString &formId, const QJsonArray &models, bool autoAudit);
    QJsonValue written() const;
    /// ExecuteBillQuery on the saved documents: rows of `fieldKeys` (FID, FBillNo,
    /// FDocumentStatus) of the documents whose number `filter` selects — "FBillNo = 'x'" or
    /// "FBillNo IN ('x', 'y')", all weft-mock understands here; nullopt and `error` otherwise.
    std::optional<QJsonArray> query(const QString &fieldKeys, const QString &filter,
                                    QString *error) const;
    void reset();

    /// Builds the ResponseStatus error shape every K3Cloud failure uses.
    static QJsonObject failure(const QString &message, int msgCode,
                               const QString &fieldName = QString(), int errorCode = 500);

private:
    struct Problem
    {
        QString field;
        QString message;
    };
    QList<Problem> validate(const QJsonObject &model) const;
    void reference(const QJsonObject &model, const QString &field, bool required,
                   const std::function<bool(const QString &)> &exists,
                   QList<Problem> *problems) const;

    const K3Dataset &m_data;
    const MockClock &m_clock;
    QList<QJsonObject> m_documents;
    QHash<QString, qsizetype> m_byNumber;
    QHash<qint64, qsizetype> m_byId;
};

} // namespace weft::mock
