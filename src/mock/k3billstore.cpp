#include "k3billstore.h"

#include "k3dataset.h"
#include "mockcatalog.h"
#include "mockclock.h"
#include "recordgenerator.h"

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

K3BillStore::K3BillStore(const K3Dataset &data, const MockClock &clock, const MockCatalog &catalog)
    : m_data(data)
    , m_clock(clock)
    , m_catalog(catalog)
{}

bool K3BillStore::canSave(const QString &formId) const
{
    return m_catalog.k3Form(formId, false) != nullptr;
}

QString K3BillStore::keyField(const QString &formId)
{
    static const QHash<QString, QString> baseData = {
        {QStringLiteral("BD_MATERIAL"), QStringLiteral("FMATERIALID")},
        {QStringLiteral("BD_CUSTOMER"), QStringLiteral("FCUSTID")},
        {QStringLiteral("BD_SUPPLIER"), QStringLiteral("FSUPPLIERID")},
    };
    return baseData.value(formId.toUpper(), QStringLiteral("FID"));
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

QList<K3BillStore::Problem> K3BillStore::validateRebate(const QJsonObject &model) const
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
        [this](const QString &code) { return customerExists(code); }, &problems);

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

void K3BillStore::check(const CatParam &param, const QJsonValue &value, const QString &where,
                        QList<Problem> *problems) const
{
    const QString name = param.label.isEmpty() ? param.field : param.label;
    if (blank(value)) {
        if (param.required)
            problems->append({param.field, QStringLiteral("%1字段“%2”是必填项").arg(where, name)});
        return;
    }
    if (param.baseData) {
        if (!value.isObject()) {
            problems->append(
                {param.field, QStringLiteral("%1字段“%2”是基础资料，值须写成 {\"FNumber\": "
                                             "\"编码\"}，收到的是“%3”")
                                  .arg(where, name, value.toVariant().toString())});
            return;
        }
        const QString code =
            field(value.toObject(), QStringLiteral("FNumber")).toVariant().toString().trimmed();
        const QString f = param.field.toLower();
        bool exists = true;
        if (code.isEmpty())
            exists = !param.required;
        else if (f.contains(QLatin1String("org")))
            exists = m_data.orgExists(code);
        else if (f.contains(QLatin1String("cust")) || f.contains(QLatin1String("contactunit")))
            exists = customerExists(code);
        else if (f.contains(QLatin1String("material")))
            exists = m_data.materialExists(code);
        if (!exists) {
            problems->append(
                {param.field,
                 QStringLiteral("%1字段“%2”的值“%3”在基础资料中不存在").arg(where, name, code)});
        }
        return;
    }
    if ((param.type == QLatin1String("float") || param.type == QLatin1String("int") ||
         param.type == QLatin1String("number")) &&
        !number(value)) {
        problems->append({param.field, QStringLiteral("%1字段“%2”的值“%3”不是数字")
                                           .arg(where, name, value.toVariant().toString())});
        return;
    }
    if (isTimeName(param.field) && !m_clock.parse(value.toVariant().toString())) {
        problems->append({param.field, QStringLiteral("%1字段“%2”的值“%3”不是有效的日期")
                                           .arg(where, name, value.toVariant().toString())});
    }
}

QList<K3BillStore::Problem> K3BillStore::validate(const CatEndpoint &save,
                                                  const QJsonObject &model) const
{
    QList<Problem> problems;
    for (const CatParam &p : save.request) {
        const QJsonValue v = field(model, p.field);
        if (p.children.isEmpty()) {
            check(p, v, QString(), &problems);
            continue;
        }
        // An entry: at least one line when required, each line checked field by field.
        if (!v.isArray() || v.toArray().isEmpty()) {
            if (p.required) {
                problems.append(
                    {p.field, QStringLiteral("单据明细（%1）至少需要一行").arg(p.field)});
            }
            continue;
        }
        int line = 0;
        for (const QJsonValue &row : v.toArray()) {
            ++line;
            for (const CatParam &c : p.children)
                check(c, field(row.toObject(), c.field), QStringLiteral("明细第%1行：").arg(line),
                      &problems);
        }
    }
    return problems;
}

bool K3BillStore::generatedNumber(const QString &formId, const QString &number) const
{
    const K3Form *form = m_data.form(formId);
    if (!form)
        return false;
    switch (form->kind) {
    case K3Form::Kind::Customer:
        return m_data.customerExists(number);
    case K3Form::Kind::Material:
        return m_data.materialExists(number);
    case K3Form::Kind::Organization:
        return m_data.orgExists(number);
    case K3Form::Kind::Catalog: {
        const auto i = form->generator->indexOfNumber(number);
        return i && *i < m_data.count(*form);
    }
    }
    return false;
}

bool K3BillStore::customerExists(const QString &number) const
{
    if (m_data.customerExists(number))
        return true;
    const auto it = m_forms.constFind(QStringLiteral("BD_CUSTOMER"));
    return it != m_forms.cend() && it->byNumber.contains(number.trimmed());
}

QJsonObject K3BillStore::save(const QString &formId, const QJsonArray &models, bool autoAudit)
{
    const CatEndpoint *saveEndpoint = m_catalog.k3Form(formId, false);
    const QString form = saveEndpoint->formId; // as the catalogue spells it
    const bool rebate = form == QLatin1String("AR_OtherRecAble");
    const QString keyName = keyField(form);
    const QString numberName =
        saveEndpoint->keyNumber.isEmpty() ? QStringLiteral("FBillNo") : saveEndpoint->keyNumber;
    const CatParam *numberParam = saveEndpoint->param(numberName);
    const QString numberLabel =
        numberName.compare(QLatin1String("FBillNo"), Qt::CaseInsensitive) == 0 || !numberParam
            ? QStringLiteral("单据编号")
            : numberParam->label;
    FormDocs &docs = m_forms[form.toUpper()];
    const K3Form *queryForm = m_data.form(form);
    QJsonArray errors;
    QJsonArray successes;
    for (qsizetype index = 0; index < models.size(); ++index) {
        QJsonObject model = models.at(index).toObject();
        QList<Problem> problems = rebate ? validateRebate(model) : validate(*saveEndpoint, model);
        const qint64 fid = qint64(number(field(model, keyName)).value_or(0));
        QString billNo = field(model, numberName).toVariant().toString().trimmed();
        if (fid > 0 && !docs.byId.contains(fid)) {
            problems.append(
                {keyName,
                 QStringLiteral("要修改的单据（%1=%2）不存在")
                     .arg(keyName == QLatin1String("FID") ? QStringLiteral("FID") : keyName)
                     .arg(fid)});
        }
        const bool savedHasIt = docs.byNumber.contains(billNo) &&
                                (fid <= 0 || docs.byNumber.value(billNo) != docs.byId.value(fid));
        if (!billNo.isEmpty() && (savedHasIt || generatedNumber(form, billNo))) {
            problems.append({numberName, QStringLiteral("%1“%2”已存在").arg(numberLabel, billNo)});
        }
        if (!problems.isEmpty()) {
            for (const Problem &p : problems) {
                errors.append(QJsonObject{{QStringLiteral("FieldName"), p.field},
                                          {QStringLiteral("Message"), p.message},
                                          {QStringLiteral("DIndex"), index}});
            }
            continue;
        }
        const qint64 now = m_clock.touchMs();
        qint64 id = fid;
        qsizetype at = -1;
        qint64 createdMs = now;
        if (fid > 0) {
            at = docs.byId.value(fid);
            const QString oldNo = docs.docs.at(at).doc.value(QLatin1String("Number")).toString();
            if (billNo.isEmpty())
                billNo = oldNo;
            docs.byNumber.remove(oldNo);
            createdMs = docs.docs.at(at).createdMs;
        } else {
            // Document ids of their own range per form; numbers continue the form's sequence.
            id = (rebate ? 100001 : 90000001) + qint64(docs.docs.size());
            if (billNo.isEmpty()) {
                billNo =
                    rebate || !queryForm || !queryForm->generator
                        ? QStringLiteral("QTYS%1").arg(docs.docs.size() + 1, 6, 10, QChar(u'0'))
                        : queryForm->generator->number(m_data.count(*queryForm) +
                                                       qint64(docs.docs.size()));
            }
        }
        model.insert(keyName, id);
        model.insert(numberName, billNo);
        const QJsonObject doc{{QStringLiteral("FormId"), form},
                              {QStringLiteral("Id"), id},
                              {QStringLiteral("Number"), billNo},
                              {QStringLiteral("DocumentStatus"),
                               autoAudit ? QStringLiteral("C") : QStringLiteral("A")},
                              {QStringLiteral("SavedAt"), m_clock.dateTime(MockClock::wallMs())},
                              {QStringLiteral("Model"), model}};
        if (at < 0) {
            at = docs.docs.size();
            docs.docs.append({doc, now, createdMs});
            docs.byId.insert(id, at);
            m_order.append({form.toUpper(), at});
        } else {
            docs.docs[at] = {doc, now, createdMs};
        }
        docs.byNumber.insert(billNo, at);
        successes.append(QJsonObject{{QStringLiteral("Id"), id},
                                     {QStringLiteral("Number"), billNo},
                                     {QStringLiteral("DIndex"), index}});
    }
    ++m_version;
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

const K3BillStore::FormDocs *K3BillStore::docsOf(const K3Form &form) const
{
    const auto it = m_forms.constFind(form.formId.toUpper());
    return it == m_forms.cend() ? nullptr : &it.value();
}

qint64 K3BillStore::count(const K3Form &form) const
{
    const FormDocs *docs = docsOf(form);
    return docs ? qint64(docs->docs.size()) : 0;
}

qint64 K3BillStore::timeMs(const K3Form &form, qint64 n) const
{
    return docsOf(form)->docs.at(n).ms;
}

int K3BillStore::lines(const K3Form &form, qint64 n) const
{
    if (!form.hasLines)
        return 1;
    const QJsonObject model = docsOf(form)->docs.at(n).doc.value(QLatin1String("Model")).toObject();
    for (const K3Field &f : form.fields) {
        if (f.line && f.catalog) {
            const qsizetype size = field(model, f.catalog->entry).toArray().size();
            return int(std::clamp<qsizetype>(size, 1, K3Form::kLineSlots));
        }
    }
    return 1;
}

std::vector<QJsonValue> K3BillStore::row(const K3Form &form, qint64 n, int line) const
{
    const Document &d = docsOf(form)->docs.at(n);
    const QJsonObject model = d.doc.value(QLatin1String("Model")).toObject();
    const qint64 id = d.doc.value(QLatin1String("Id")).toInteger();
    const QString key = keyField(form.formId);
    const QString numberName = form.query ? form.query->keyNumber : QStringLiteral("FBillNo");
    std::vector<QJsonValue> out;
    out.reserve(size_t(form.fields.size()));
    for (const K3Field &f : form.fields) {
        const QString name = f.name;
        QJsonValue v;
        if (name.compare(key, Qt::CaseInsensitive) == 0 ||
            (key != QLatin1String("FID") &&
             name.compare(QLatin1String("FID"), Qt::CaseInsensitive) == 0)) {
            v = id;
        } else if (name.compare(numberName, Qt::CaseInsensitive) == 0) {
            v = d.doc.value(QLatin1String("Number"));
        } else if (name.compare(QLatin1String("FDocumentStatus"), Qt::CaseInsensitive) == 0) {
            v = d.doc.value(QLatin1String("DocumentStatus"));
        } else if (name.compare(QLatin1String("FForbidStatus"), Qt::CaseInsensitive) == 0) {
            v = QStringLiteral("A");
        } else if (name.compare(QLatin1String("FModifyDate"), Qt::CaseInsensitive) == 0) {
            v = m_clock.isoDateTime(d.ms);
        } else if (name.compare(QLatin1String("FCreateDate"), Qt::CaseInsensitive) == 0) {
            v = m_clock.isoDateTime(d.createdMs);
        } else if (f.line && name.endsWith(QLatin1String("_FEntryID"), Qt::CaseInsensitive)) {
            v = id * 10 + line + 1;
        } else {
            // The model's value: X.FNumber of base data, a line's own field, or a plain one.
            QJsonObject source = model;
            if (f.line && f.catalog)
                source = field(model, f.catalog->entry).toArray().at(line).toObject();
            const QString head = name.section(u'.', 0, 0);
            const QString sub = name.section(u'.', 1);
            v = field(source, head);
            const bool isName = sub.compare(QLatin1String("FName"), Qt::CaseInsensitive) == 0;
            if (v.isObject() && isName &&
                head.contains(QLatin1String("material"), Qt::CaseInsensitive)) {
                // A material's name, from the material the number names.
                const QString code = field(v.toObject(), QStringLiteral("FNumber")).toString();
                v = m_data.materialExists(code) ? QJsonValue(m_data.materialNameOf(code))
                                                : QJsonValue(QJsonValue::Undefined);
            } else if (v.isObject()) {
                v = field(v.toObject(), sub.isEmpty() ? QStringLiteral("FNumber") : sub);
            } else if (!sub.isEmpty() &&
                       sub.compare(QLatin1String("FNumber"), Qt::CaseInsensitive) != 0) {
                v = QJsonValue(QJsonValue::Undefined); // the name of base data not written
            }
        }
        // Numbers as numbers, what was not written as 0 or "" (values of the field's type).
        switch (f.type) {
        case K3Type::Int:
            v = v.isUndefined() || v.isNull() ? QJsonValue(0)
                                              : QJsonValue(qint64(number(v).value_or(0)));
            break;
        case K3Type::Decimal:
            v = v.isUndefined() || v.isNull() ? QJsonValue(0) : QJsonValue(number(v).value_or(0));
            break;
        case K3Type::DateTime:
        case K3Type::String:
            if (v.isUndefined() || v.isNull())
                v = QString();
            else if (!v.isString())
                v = v.toVariant().toString();
            break;
        }
        out.push_back(v);
    }
    return out;
}

QJsonValue K3BillStore::written() const
{
    QJsonArray docs;
    for (const auto &[form, at] : m_order)
        docs.append(m_forms.value(form).docs.at(at).doc);
    return QJsonObject{{QStringLiteral("documents"), docs}};
}

void K3BillStore::reset()
{
    m_forms.clear();
    m_order.clear();
    ++m_version;
}

} // namespace weft::mock
