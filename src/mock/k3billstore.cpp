#include "k3billstore.h"

#include "k3dataset.h"
#include "mockclock.h"

#include <QRegularExpression>

#include <functional>

namespace weft::mock {

namespace {

const QHash<QString, QString> &labels()
{
    static const QHash<QString, QString> map = {
        {QStringLiteral("FDATE"), QStringLiteral("业务日期")},
        {QStringLiteral("FSETTLEORGID"), QStringLiteral("结算组织")},
        {QStringLiteral("FSALEORGID"), QStringLiteral("销售组织")},
        {QStringLiteral("FPAYORGID"), QStringLiteral("收款组织")},
        {QStringLiteral("FCONTACTUNITTYPE"), QStringLiteral("往来单位类型")},
        {QStringLiteral("FCONTACTUNIT"), QStringLiteral("往来单位")},
        {QStringLiteral("FBILLTYPEID"), QStringLiteral("单据类型")},
        {QStringLiteral("FCURRENCYID"), QStringLiteral("币别")},
        {QStringLiteral("FENTITY"), QStringLiteral("明细")},
        {QStringLiteral("FNOTAXAMOUNTFOR"), QStringLiteral("不含税金额")},
        {QStringLiteral("FBILLNO"), QStringLiteral("单据编号")},
    };
    return map;
}

QString label(const QString &field)
{
    return labels().value(field.toUpper(), field);
}

// K3Cloud's JSON keys are not case-sensitive (FDATE, FDate): look them up the same way.
QJsonValue field(const QJsonObject &o, const QString &name)
{
    const auto exact = o.constFind(name);
    if (exact != o.constEnd())
        return exact.value();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool blank(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty());
}

std::optional<double> number(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    bool ok = false;
    const double d = v.toString().trimmed().toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

} // namespace

K3BillStore::K3BillStore(const K3Dataset &data, const MockClock &clock)
    : m_data(data)
    , m_clock(clock)
{}

bool K3BillStore::supports(const QString &formId)
{
    return formId.compare(QLatin1String("AR_OtherRecAble"), Qt::CaseInsensitive) == 0;
}

QJsonObject K3BillStore::failure(const QString &message, int msgCode, const QString &fieldName,
                                 int errorCode)
{
    return QJsonObject{
        {QStringLiteral("ResponseStatus"),
         QJsonObject{
             {QStringLiteral("ErrorCode"), errorCode},
             {QStringLiteral("IsSuccess"), false},
             {QStringLiteral("Errors"),
              QJsonArray{QJsonObject{{QStringLiteral("FieldName"),
                                      fieldName.isEmpty() ? QJsonValue() : QJsonValue(fieldName)},
                                     {QStringLiteral("Message"), message},
                                     {QStringLiteral("DIndex"), 0}}}},
             {QStringLiteral("MsgCode"), msgCode}}}};
}

void K3BillStore::reference(const QJsonObject &model, const QString &name, bool required,
                            const std::function<bool(const QString &)> &exists,
                            QList<Problem> *problems) const
{
    const QJsonValue v = field(model, name);
    if (blank(v)) {
        if (required)
            problems->append({name, QStringLiteral("字段“%1”是必填项").arg(label(name))});
        return;
    }
    if (!v.isObject()) {
        problems->append(
            {name, QStringLiteral("字段“%1”是基础资料，值须写成 {\"FNumber\": \"编码\"}，"
                                  "收到的是“%2”")
                       .arg(label(name), v.toVariant().toString())});
        return;
    }
    const QJsonValue numberValue = field(v.toObject(), QStringLiteral("FNumber"));
    const QString code = numberValue.toVariant().toString().trimmed();
    if (code.isEmpty()) {
        if (required)
            problems->append({name, QStringLiteral("字段“%1”是必填项").arg(label(name))});
        return;
    }
    if (!exists(code)) {
        problems->append(
            {name, QStringLiteral("字段“%1”的值“%2”在基础资料中不存在").arg(label(name), code)});
    }
}

QList<K3BillStore::Problem> K3BillStore::validate(const QJsonObject &model) const
{
    QList<Problem> problems;
    const QJsonValue date = field(model, QStringLiteral("FDATE"));
    if (blank(date))
        problems.append({QStringLiteral("FDATE"), QStringLiteral("字段“业务日期”是必填项")});
    else if (!m_clock.parse(date.toString()))
        problems.append(
            {QStringLiteral("FDATE"), QStringLiteral("字段“业务日期”的值“%1”不是有效的日期")
                                          .arg(date.toVariant().toString())});

    const auto org = [this](const QString &code) { return m_data.orgExists(code); };
    reference(model, QStringLiteral("FSETTLEORGID"), true, org, &problems);
    reference(model, QStringLiteral("FSALEORGID"), false, org, &problems);
    reference(model, QStringLiteral("FPAYORGID"), false, org, &problems);
    reference(
        model, QStringLiteral("FBillTypeID"), false,
        [](const QString &code) {
            return code.compare(QLatin1String("QTYSD01_SYS"), Qt::CaseInsensitive) == 0 ||
                   code.compare(QLatin1String("QTYSD02_SYS"), Qt::CaseInsensitive) == 0;
        },
        &problems);
    reference(
        model, QStringLiteral("FCURRENCYID"), false,
        [](const QString &code) {
            return code.startsWith(QLatin1String("PRE0"), Qt::CaseInsensitive) && code.size() == 6;
        },
        &problems);

    const QString unitType = field(model, QStringLiteral("FCONTACTUNITTYPE")).toString();
    if (unitType.trimmed().isEmpty()) {
        problems.append(
            {QStringLiteral("FCONTACTUNITTYPE"), QStringLiteral("字段“往来单位类型”是必填项")});
    } else if (unitType.compare(QLatin1String("BD_Customer"), Qt::CaseInsensitive) != 0) {
        problems.append({QStringLiteral("FCONTACTUNITTYPE"),
                         QStringLiteral("往来单位类型“%1”不受支持（weft-mock 只有 BD_Customer）")
                             .arg(unitType)});
    }
    reference(
        model, QStringLiteral("FCONTACTUNIT"), true,
        [this](const QString &code) { return m_data.customerExists(code); }, &problems);

    const QJsonValue entity = field(model, QStringLiteral("FEntity"));
    if (!entity.isArray() || entity.toArray().isEmpty()) {
        problems.append(
            {QStringLiteral("FEntity"), QStringLiteral("单据明细（FEntity）至少需要一行")});
    } else {
        int line = 0;
        for (const QJsonValue &row : entity.toArray()) {
            ++line;
            const QJsonValue amount = field(row.toObject(), QStringLiteral("FNOTAXAMOUNTFOR"));
            if (blank(amount)) {
                problems.append({QStringLiteral("FNOTAXAMOUNTFOR"),
                                 QStringLiteral("明细第%1行：字段“不含税金额”是必填项").arg(line)});
            } else if (!number(amount)) {
                problems.append({QStringLiteral("FNOTAXAMOUNTFOR"),
                                 QStringLiteral("明细第%1行：字段“不含税金额”的值“%2”不是数字")
                                     .arg(line)
                                     .arg(amount.toVariant().toString())});
            }
        }
    }
    return problems;
}

std::optional<QJsonArray> K3BillStore::query(const QString &fieldKeys, const QString &filter,
                                             QString *error) const
{
    static const QRegularExpression numbers(
        QStringLiteral("^\\s*FBillNo\\s*(?:=\\s*('[^']*')|IN\\s*\\(((?:\\s*'[^']*'\\s*,?)*)\\))\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = numbers.match(filter);
    if (!m.hasMatch()) {
        *error = QStringLiteral("weft-mock 对 AR_OtherRecAble 只支持 FBillNo = '…' 或 FBillNo IN "
                                "('…', …) 形式的过滤条件");
        return std::nullopt;
    }
    QStringList wanted;
    static const QRegularExpression quoted(QStringLiteral("'([^']*)'"));
    const QString list = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    for (auto it = quoted.globalMatch(list); it.hasNext();)
        wanted << it.next().captured(1);
    QStringList keys;
    for (const QString &k : fieldKeys.split(u',', Qt::SkipEmptyParts)) {
        const QString key = k.trimmed();
        if (key.compare(QLatin1String("FID"), Qt::CaseInsensitive) != 0 &&
            key.compare(QLatin1String("FBillNo"), Qt::CaseInsensitive) != 0 &&
            key.compare(QLatin1String("FDocumentStatus"), Qt::CaseInsensitive) != 0) {
            *error = QStringLiteral("元数据中标识为%1的字段不存在（weft-mock 的 AR_OtherRecAble "
                                    "查询只有 FID、FBillNo、FDocumentStatus）")
                         .arg(key);
            return std::nullopt;
        }
        keys << key.toUpper();
    }
    QJsonArray rows;
    for (const QString &number : std::as_const(wanted)) {
        const auto at = m_byNumber.constFind(number);
        if (at == m_byNumber.cend())
            continue;
        const QJsonObject &doc = m_documents.at(at.value());
        QJsonArray row;
        for (const QString &key : std::as_const(keys)) {
            if (key == QLatin1String("FID"))
                row.append(doc.value(QLatin1String("Id")));
            else if (key == QLatin1String("FBILLNO"))
                row.append(doc.value(QLatin1String("Number")));
            else
                row.append(doc.value(QLatin1String("DocumentStatus")));
        }
        rows.append(row);
    }
    return rows;
}

QJsonObject K3BillStore::save(const QString &formId, const QJsonArray &models, bool autoAudit)
{
    QJsonArray errors;
    QJsonArray successes;
    for (qsizetype index = 0; index < models.size(); ++index) {
        QJsonObject model = models.at(index).toObject();
        QList<Problem> problems = validate(model);
        const qint64 fid = qint64(number(field(model, QStringLiteral("FID"))).value_or(0));
        QString billNo = field(model, QStringLiteral("FBillNo")).toString().trimmed();
        if (fid > 0 && !m_byId.contains(fid)) {
            problems.append(
                {QStringLiteral("FID"), QStringLiteral("要修改的单据（FID=%1）不存在").arg(fid)});
        }
        if (!billNo.isEmpty() && m_byNumber.contains(billNo) &&
            (fid <= 0 || m_byNumber.value(billNo) != m_byId.value(fid))) {
            problems.append(
                {QStringLiteral("FBillNo"), QStringLiteral("单据编号“%1”已存在").arg(billNo)});
        }
        if (!problems.isEmpty()) {
            for (const Problem &p : problems) {
                errors.append(QJsonObject{{QStringLiteral("FieldName"), p.field},
                                          {QStringLiteral("Message"), p.message},
                                          {QStringLiteral("DIndex"), index}});
            }
            continue;
        }
        qint64 id = fid;
        qsizetype at = -1;
        if (fid > 0) {
            at = m_byId.value(fid);
            const QString oldNo = m_documents.at(at).value(QLatin1String("Number")).toString();
            if (billNo.isEmpty())
                billNo = oldNo;
            m_byNumber.remove(oldNo);
        } else {
            id = 100001 + qint64(m_documents.size());
            if (billNo.isEmpty())
                billNo = QStringLiteral("QTYS%1").arg(m_documents.size() + 1, 6, 10, QChar(u'0'));
        }
        model.insert(QStringLiteral("FID"), id);
        model.insert(QStringLiteral("FBillNo"), billNo);
        const QJsonObject doc{{QStringLiteral("FormId"), QStringLiteral("AR_OtherRecAble")},
                              {QStringLiteral("Id"), id},
                              {QStringLiteral("Number"), billNo},
                              {QStringLiteral("DocumentStatus"),
                               autoAudit ? QStringLiteral("C") : QStringLiteral("A")},
                              {QStringLiteral("SavedAt"), m_clock.dateTime(MockClock::wallMs())},
                              {QStringLiteral("Model"), model}};
        if (at < 0) {
            at = m_documents.size();
            m_documents.append(doc);
            m_byId.insert(id, at);
        } else {
            m_documents[at] = doc;
        }
        m_byNumber.insert(billNo, at);
        successes.append(QJsonObject{{QStringLiteral("Id"), id},
                                     {QStringLiteral("Number"), billNo},
                                     {QStringLiteral("DIndex"), index}});
    }
    Q_UNUSED(formId);
    const bool ok = errors.isEmpty();
    QJsonObject status{{QStringLiteral("IsSuccess"), ok},
                       {QStringLiteral("Errors"), errors},
                       {QStringLiteral("SuccessEntitys"), successes},
                       {QStringLiteral("SuccessMessages"), QJsonArray()},
                       {QStringLiteral("MsgCode"), ok ? 0 : 11}};
    if (!ok)
        status.insert(QStringLiteral("ErrorCode"), 500);
    QJsonObject result{{QStringLiteral("ResponseStatus"), status}};
    if (successes.size() == 1) {
        result.insert(QStringLiteral("Id"), successes.at(0)[QLatin1String("Id")]);
        result.insert(QStringLiteral("Number"), successes.at(0)[QLatin1String("Number")]);
    } else {
        result.insert(QStringLiteral("Id"), QString());
        result.insert(QStringLiteral("Number"), QString());
    }
    result.insert(QStringLiteral("NeedReturnData"), QJsonArray());
    return result;
}

QJsonValue K3BillStore::written() const
{
    QJsonArray docs;
    for (const QJsonObject &d : m_documents)
        docs.append(d);
    return QJsonObject{{QStringLiteral("documents"), docs}};
}

void K3BillStore::reset()
{
    m_documents.clear();
    m_byNumber.clear();
    m_byId.clear();
}

} // namespace weft::mock
