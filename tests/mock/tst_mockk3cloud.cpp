// Kingdee K3Cloud rules of weft-mock: logins and sessions, ExecuteBillQuery, BatchSave.

#include "mock/mockclient.h"
#include "support/mockprocess.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSet>
#include <QTimeZone>
#include <QtTest>

using weft::test::MockClient;
using weft::test::MockProcess;

namespace {

const QString kQuery = QStringLiteral("DynamicFormService.ExecuteBillQuery");
const QString kBatchSave = QStringLiteral("DynamicFormService.BatchSave");
const QString kSeedFilter =
    QStringLiteral("FUseOrgId.fnumber='T00' and FDocumentStatus ='C' and FForbidStatus='A'");

QJsonObject query(const QString &fields, const QString &filter, int start = 0, int limit = 0,
                  const QString &formId = QStringLiteral("BD_MATERIAL"))
{
    return {{"data", QJsonObject{{"FormId", formId},
                                 {"FieldKeys", fields},
                                 {"FilterString", filter},
                                 {"StartRow", start},
                                 {"Limit", limit},
                                 {"TopRowCount", 0}}}};
}

// The ResponseStatus of a wrapped error (queries wrap it in two arrays, saves do not).
QJsonObject statusOf(const QJsonValue &v)
{
    QJsonValue x = v;
    while (x.isArray())
        x = x.toArray().at(0);
    return x.toObject().value("Result").toObject().value("ResponseStatus").toObject();
}

QJsonObject rebate(const QString &customer, const QString &org = QStringLiteral("T00"))
{
    return {{"FBillTypeID", QJsonObject{{"FNumber", "QTYSD01_SYS"}}},
            {"FDATE", "2024-05-01"},
            {"FSETTLEORGID", QJsonObject{{"FNumber", org}}},
            {"FSALEORGID", QJsonObject{{"FNUMBER", org}}},
            {"FPAYORGID", QJsonObject{{"fnumber", org}}},
            {"FCONTACTUNITTYPE", "BD_Customer"},
            {"FCONTACTUNIT", QJsonObject{{"FNumber", customer}}},
            {"FEntity", QJsonArray{QJsonObject{{"FCOMMENT", QStringLiteral("季度返利")},
                                               {"FNOTAXAMOUNTFOR", -1234.5}}}}};
}

} // namespace

class TestMockK3Cloud : public QObject
{
    Q_OBJECT

private:
    MockProcess m_mock;
    std::unique_ptr<MockClient> m_client;
    MockClient &c() { return *m_client; }

    QJsonArray allMaterials()
    {
        return c()
            .get("/_mock/records/k3-materials?limit=10000")
            .object()
            .value("records")
            .toArray();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start({"--quiet"}, &error), qPrintable(error));
        m_client = std::make_unique<MockClient>(m_mock.baseUrl());
    }

    void init()
    {
        c().post(QStringLiteral("/_mock/reset"), {}, "application/json");
        QVERIFY(c().k3Login());
    }

    void loginVariants()
    {
        MockClient fresh(m_mock.baseUrl());
        const auto validate = fresh.k3(
            "AuthService.ValidateUser",
            {{"parameters", QJsonArray{"weft-acct", "administrator", "weft-k3-password", 2052}}});
        QCOMPARE(validate.object().value("LoginResultType").toInt(), 1);
        QVERIFY(validate.header("Set-Cookie").contains("kdservice-sessionid="));
        QVERIFY(!validate.object().value("KDSVCSessionId").toString().isEmpty());

        const auto wrong = fresh.k3("AuthService.LoginByAppSecret",
                                    {{"parameters", QJsonArray{"weft-acct", "administrator",
                                                               "weft-k3-app", "nope", 2052}}});
        QVERIFY(wrong.object().value("LoginResultType").toInt() != 1);

        const QString ts = QString::number(QDateTime::currentSecsSinceEpoch());
        QStringList values{"weft-acct", "administrator", "weft-k3-app", "weft-k3-secret", ts};
        std::sort(values.begin(), values.end());
        const QString sign = QString::fromLatin1(
            QCryptographicHash::hash(values.join(QString()).toUtf8(), QCryptographicHash::Sha256)
                .toHex());
        const auto bySign = fresh.k3("AuthService.LoginBySign",
                                     {{"parameters", QJsonArray{"weft-acct", "administrator",
                                                                "weft-k3-app", ts, sign, 2052}}});
        QCOMPARE(bySign.object().value("LoginResultType").toInt(), 1);
        const auto badSign = fresh.k3("AuthService.LoginBySign",
                                      {{"parameters", QJsonArray{"weft-acct", "administrator",
                                                                 "weft-k3-app", ts, "00", 2052}}});
        QVERIFY(badSign.object().value("LoginResultType").toInt() != 1);
    }

    void noSessionIsMsgCode1()
    {
        MockClient anonymous(m_mock.baseUrl());
        const auto r = anonymous.k3(kQuery, query("FNumber", {}));
        const QJsonObject status = statusOf(r.array());
        QCOMPARE(status.value("IsSuccess").toBool(), false);
        QCOMPARE(status.value("MsgCode").toInt(), 1);
    }

    void fieldKeysOrderAndSeedFilter()
    {
        const QJsonArray truth = allMaterials();
        int expected = 0;
        for (const QJsonValue &v : truth) {
            const QJsonObject m = v.toObject();
            if (m.value("FUseOrgId.FNumber") == "T00" && m.value("FDocumentStatus") == "C" &&
                m.value("FForbidStatus") == "A")
                ++expected;
        }
        QVERIFY(expected > 300 && expected < 500);
        // Paging by StartRow += Limit until a short page, as the seed does.
        QSet<qint64> ids;
        for (int start = 0;; start += 50) {
            const auto r = c().k3(
                kQuery, query("FNumber,FMasterId,fusEorGid.FNUMBER,FName", kSeedFilter, start, 50));
            const QJsonArray rows = r.array();
            for (const QJsonValue &row : rows) {
                const QJsonArray cells = row.toArray();
                QCOMPARE(cells.size(), 4);
                QVERIFY(cells.at(0).toString().contains('.'));
                QVERIFY(cells.at(1).isDouble());
                QCOMPARE(cells.at(2).toString(), QStringLiteral("T00"));
                ids.insert(qint64(cells.at(1).toDouble()));
            }
            if (rows.size() < 50)
                break;
        }
        QCOMPARE(ids.size(), expected);
        const auto top = c().k3(kQuery, query("FMasterId", kSeedFilter)).array();
        QCOMPARE(top.size(), expected);
        QJsonObject topOnly = query("FMasterId", kSeedFilter);
        QJsonObject data = topOnly.value("data").toObject();
        data.insert("TopRowCount", 7);
        topOnly.insert("data", data);
        QCOMPARE(c().k3(kQuery, topOnly).array().size(), 7);
    }

    void filterOperators()
    {
        const QJsonArray truth = allMaterials();
        const QString pivot = truth.at(250).toObject().value("FNumber").toString();
        const QString modified = truth.at(250).toObject().value("FModifyDate").toString();
        const auto count = [&](const QString &filter) {
            return c().k3(kQuery, query("FMasterId", filter)).array().size();
        };
        QCOMPARE(count(QStringLiteral("FNumber = '%1'").arg(pivot)), 1);
        QCOMPARE(count(QStringLiteral("FNumber <> '%1'").arg(pivot)), 499);
        QCOMPARE(count(QStringLiteral("FMasterId > 100400")), 100);
        QCOMPARE(count(QStringLiteral("FMasterId < 100011")), 10);
        QCOMPARE(count(QStringLiteral("FMasterId >= 100400 and FMasterId <= 100409")), 10);
        QCOMPARE(count(QStringLiteral("FModifyDate >= '%1'").arg(modified)), 250);
        QCOMPARE(count(QStringLiteral("fmodifydate > '%1'").arg(modified)), 249);
    }

    void wrappedErrors()
    {
        const auto badForm = c().k3(kQuery, query("FNumber", {}, 0, 0, "BD_NOPE")).array();
        QCOMPARE(statusOf(badForm).value("IsSuccess").toBool(), false);
        QVERIFY(statusOf(badForm)
                    .value("Errors")
                    .toArray()
                    .at(0)
                    .toObject()
                    .value("Message")
                    .toString()
                    .contains("BD_NOPE"));
        const auto badField = c().k3(kQuery, query("FNumber,FNoSuchField", {})).array();
        QCOMPARE(statusOf(badField).value("ErrorCode").toInt(), 500);
        QVERIFY(statusOf(badField)
                    .value("Errors")
                    .toArray()
                    .at(0)
                    .toObject()
                    .value("Message")
                    .toString()
                    .contains("FNoSuchField"));
        const auto badFilter = c().k3(kQuery, query("FNumber", "FNumber = ")).array();
        QCOMPARE(statusOf(badFilter).value("IsSuccess").toBool(), false);
        const auto badFilterField = c().k3(kQuery, query("FNumber", "FWho = 'x'")).array();
        QVERIFY(statusOf(badFilterField)
                    .value("Errors")
                    .toArray()
                    .at(0)
                    .toObject()
                    .value("Message")
                    .toString()
                    .contains("FWho"));
    }

    void batchSaveOneBadRow()
    {
        const QJsonObject body{
            {"formid", "AR_OtherRecAble"},
            {"data", QJsonObject{{"Model", QJsonArray{rebate("CUST0001"), rebate("CUST9999"),
                                                      rebate("CUST0003", "101")}},
                                 {"IsAutoSubmitAndAudit", false}}}};
        const auto r = c().k3(kBatchSave, body);
        const QJsonObject status = statusOf(r.object());
        QCOMPARE(status.value("IsSuccess").toBool(), false);
        const QJsonArray errors = status.value("Errors").toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value("DIndex").toInt(), 1);
        QCOMPARE(errors.at(0).toObject().value("FieldName").toString(),
                 QStringLiteral("FCONTACTUNIT"));
        const QString message = errors.at(0).toObject().value("Message").toString();
        QVERIFY2(message.contains(QStringLiteral("往来单位")) && message.contains("CUST9999"),
                 qPrintable(message));
        const QJsonArray saved = status.value("SuccessEntitys").toArray();
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved.at(0).toObject().value("DIndex").toInt(), 0);
        QCOMPARE(saved.at(1).toObject().value("DIndex").toInt(), 2);
        QVERIFY(saved.at(0).toObject().value("Number").toString().startsWith("QTYS"));
        QVERIFY(saved.at(0).toObject().value("Id").toInt() > 0);

        const QJsonArray docs = c().get("/_mock/written")
                                    .object()
                                    .value("k3cloud")
                                    .toObject()
                                    .value("documents")
                                    .toArray();
        QCOMPARE(docs.size(), 2);
        QCOMPARE(docs.at(1)
                     .toObject()
                     .value("Model")
                     .toObject()
                     .value("FCONTACTUNIT")
                     .toObject()
                     .value("FNumber")
                     .toString(),
                 QStringLiteral("CUST0003"));
    }

    void batchSaveRequiredFieldsAndReferences()
    {
        QJsonObject noDate = rebate("CUST0002");
        noDate.remove("FDATE");
        QJsonObject badOrg = rebate("CUST0002", "999");
        QJsonObject bareString = rebate("CUST0002");
        bareString.insert("FCONTACTUNIT", "CUST0002");
        const QJsonObject body{
            {"formid", "AR_OtherRecAble"},
            {"data", QJsonObject{{"Model", QJsonArray{noDate, badOrg, bareString}}}}};
        const QJsonObject status = statusOf(c().k3(kBatchSave, body).object());
        QSet<int> failed;
        QSet<QString> fields;
        for (const QJsonValue &e : status.value("Errors").toArray()) {
            failed.insert(e.toObject().value("DIndex").toInt());
            fields.insert(e.toObject().value("FieldName").toString());
        }
        QCOMPARE(failed, (QSet<int>{0, 1, 2}));
        QVERIFY(fields.contains("FDATE"));
        QVERIFY(fields.contains("FSETTLEORGID"));
        QVERIFY(fields.contains("FCONTACTUNIT"));
        QVERIFY(status.value("SuccessEntitys").toArray().isEmpty());
    }

    void sessionExpiryAndRelogin()
    {
        QVERIFY(!c().k3(kQuery, query("FNumber", {}, 0, 1)).array().isEmpty());
        c().postJson("/_mock/faults", {{"expireTokens", QJsonArray{"k3cloud"}}});
        const auto lost = c().k3(kQuery, query("FNumber", {}, 0, 1)).array();
        QCOMPARE(statusOf(lost).value("MsgCode").toInt(), 1);
        const QJsonObject body{{"formid", "AR_OtherRecAble"},
                               {"data", QJsonObject{{"Model", QJsonArray{rebate("CUST0001")}}}}};
        QCOMPARE(statusOf(c().k3(kBatchSave, body).object()).value("MsgCode").toInt(), 1);
        QVERIFY(c().k3Login());
        const auto again = c().k3(kQuery, query("FNumber", {}, 0, 1)).array();
        QCOMPARE(again.size(), 1);
        QVERIFY(again.at(0).isArray());
    }

    void touchedMaterialsMatchAnIncrementalFilter()
    {
        const QString since = QDateTime::currentDateTime()
                                  .toTimeZone(QTimeZone(8 * 3600))
                                  .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QJsonArray ids =
            c().postJson("/_mock/touch", {{"dataset", "k3-materials"}, {"count", 5}})
                .object()
                .value("ids")
                .toArray();
        QCOMPARE(ids.size(), 5);
        const auto rows = c().k3(kQuery, query("FMasterId,FModifyDate",
                                               QStringLiteral("FModifyDate >= '%1'").arg(since)))
                              .array();
        QSet<qint64> got;
        for (const QJsonValue &r : rows)
            got.insert(qint64(r.toArray().at(0).toDouble()));
        QSet<qint64> expected;
        for (const QJsonValue &v : ids)
            expected.insert(qint64(v.toDouble()));
        QCOMPARE(got, expected);
    }

    void cleanupTestCase() { m_mock.stop(); }
};

QTEST_GUILESS_MAIN(TestMockK3Cloud)
#include "tst_mockk3cloud.moc"
