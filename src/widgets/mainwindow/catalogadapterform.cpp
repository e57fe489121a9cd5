#include "widgets/mainwindow/catalogadapterform.h"

#include "core/catalog/catalog.h"
#include "core/catalog/catalogmetadata.h"
#include "widgets/common/commands.h"
#include "widgets/common/language.h"
#include "widgets/common/projectdocument.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace weft {

namespace {

constexpr int PathRole = Qt::UserRole;
constexpr int TypeRole = Qt::UserRole + 1;
constexpr int RequiredRole = Qt::UserRole + 2;

bool chinese()
{
    return Language::current() == QLatin1String("zh_CN");
}

/// A catalogue parameter as one row: its path in the request ("FEntity/FQty" for a line's
/// field) and what the catalogue says about it.
struct Row {
    QString path;
    QString label;
    QString type;
    bool required = false;
    bool known = true; ///< false: in the metadata only, not in the catalogue's entry
};

void addRows(QList<Row> &rows, const QList<CatalogParam> &params, const QString &prefix,
             const QString &labelPrefix)
{
    for (const CatalogParam &p : params) {
        rows.append({prefix + p.field, labelPrefix + p.label.in(chinese()),
                     catalogMetadataType(p.type), p.required, true});
        if (!p.children.isEmpty())
            addRows(rows, p.children, prefix + p.field + u'/',
                    labelPrefix + p.label.in(chinese()) + QStringLiteral(" › "));
    }
}

void addUnknownRows(QList<Row> &rows, const QList<RequestField> &fields, const QString &prefix)
{
    for (const RequestField &f : fields) {
        const QString path = prefix + f.field;
        const bool known =
            std::any_of(rows.begin(), rows.end(), [&](const Row &r) { return r.path == path; });
        if (!known)
            rows.append({path, f.label, f.type, false, false});
        addUnknownRows(rows, f.children, path + u'/');
    }
}

/// The catalogue's parameter at a request path ("FEntity/FQty"), nullptr when unknown.
const CatalogParam *findParam(const QList<CatalogParam> &params, const QString &path)
{
    const QString head = path.section(u'/', 0, 0);
    for (const CatalogParam &p : params) {
        if (p.field != head)
            continue;
        return head == path ? &p : findParam(p.children, path.section(u'/', 1));
    }
    return nullptr;
}

} // namespace

CatalogAdapterForm::CatalogAdapterForm(ProjectDocument *doc, QWidget *parent)
    : QGroupBox(parent)
    , m_doc(doc)
    , m_endpointLabel(new QLabel(this))
    , m_endpoint(new QComboBox(this))
    , m_title(new QLabel(this))
    , m_api(new QLabel(this))
    , m_paging(new QLabel(this))
    , m_parametersLabel(new QLabel(this))
    , m_parameters(new QTableWidget(0, 5, this))
{
    setObjectName(QStringLiteral("catalogForm"));
    m_endpoint->setObjectName(QStringLiteral("catalogEndpoint"));
    m_parameters->setObjectName(QStringLiteral("catalogParameters"));
    // Searchable by title or api path: the completer matches anywhere in the item's text.
    m_endpoint->setEditable(true);
    m_endpoint->setInsertPolicy(QComboBox::NoInsert);
    m_endpoint->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_endpoint->completer()->setFilterMode(Qt::MatchContains);
    m_endpoint->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_endpoint->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_endpoint->setMinimumContentsLength(16);
    for (QLabel *l : {m_title, m_api, m_paging}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_title->setStyleSheet(QStringLiteral("font-weight: bold"));
    m_parameters->verticalHeader()->hide();
    m_parameters->horizontalHeader()->setStretchLastSection(true);
    m_parameters->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_parameters->setEditTriggers(QAbstractItemView::DoubleClicked |
                                  QAbstractItemView::EditKeyPressed |
                                  QAbstractItemView::AnyKeyPressed);
    m_parameters->setMinimumHeight(180);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_endpointLabel, m_endpoint);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_title);
    layout->addWidget(m_api);
    layout->addWidget(m_paging);
    layout->addWidget(m_parametersLabel);
    layout->addWidget(m_parameters, 1);

    connect(m_endpoint, &QComboBox::activated, this,
            [this](int index) { bind(m_endpoint->itemData(index).toString()); });
    connect(m_parameters, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_loading || item->column() != Value)
            return;
        // Applied once the view is done with the item: the edit rebuilds the table.
        QMetaObject::invokeMethod(
            this,
            [this, path = item->data(PathRole).toString(), type = item->data(TypeRole).toString(),
             required = item->data(RequiredRole).toBool(),
             text = item->text()] { editValue(path, type, required, text); },
            Qt::QueuedConnection);
    });
    connect(doc, &ProjectDocument::schemeChanged, this,
            [this](int, const QString &oldName, const QString &newName) {
                if (oldName == m_scheme) {
                    m_scheme = newName;
                    load();
                }
            });
    retranslate();
}

void CatalogAdapterForm::setAdapter(const QString &scheme, bool source)
{
    m_scheme = scheme;
    m_source = source;
    fillEndpoints();
    load();
}

const CatalogEndpoint *CatalogAdapterForm::endpoint() const
{
    const Scheme *s = m_doc->project().scheme(m_scheme);
    if (!s)
        return nullptr;
    const Adapter &a = m_source ? s->source : s->target;
    const QJsonValue ref = a.metadata.json().value(QLatin1String("catalog"));
    return ref.isString() ? Catalog::builtin()->endpoint(ref.toString()) : nullptr;
}

QString CatalogAdapterForm::valueText(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    const QJsonDocument wrapped(QJsonArray{value});
    const QString text = QString::fromUtf8(wrapped.toJson(QJsonDocument::Compact));
    return text.mid(1, text.size() - 2);
}

QJsonValue CatalogAdapterForm::parseValue(const QString &text, const QString &type)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QJsonValue::Undefined;
    // Objects and arrays (a "_function", a list of ids) are written as JSON; numbers and
    // booleans become JSON where the parameter is of that type. Templates stay text.
    const bool typed = type == QLatin1String("int") || type == QLatin1String("float") ||
                       type == QLatin1String("boolean") || type == QLatin1String("bool");
    if (typed || t.startsWith(u'{') || t.startsWith(u'[')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(('[' + t + ']').toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && doc.array().size() == 1)
            return doc.array().first();
    }
    return text;
}

void CatalogAdapterForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        fillEndpoints();
        load();
    }
    QGroupBox::changeEvent(event);
}

void CatalogAdapterForm::retranslate()
{
    setTitle(tr("Catalogue endpoint"));
    m_endpointLabel->setText(tr("&Endpoint:"));
    m_endpointLabel->setBuddy(m_endpoint);
    m_endpoint->setToolTip(tr("Type to search the catalogue by title or api path. Choosing an "
                              "endpoint replaces the metadata with the catalogue's (values of "
                              "fields both have are kept)."));
    m_parametersLabel->setText(tr("Request parameters (double-click a value to edit it):"));
    m_parameters->setHorizontalHeaderLabels(
        {tr("Label"), tr("Field"), tr("Type"), tr("Required"), tr("Value or template")});
}

void CatalogAdapterForm::fillEndpoints()
{
    const bool wasLoading = std::exchange(m_loading, true);
    m_endpoint->clear();
    m_endpoint->addItem(tr("(not bound to the catalogue)"), QString());
    for (const CatalogSystem &system : Catalog::builtin()->systems()) {
        for (const CatalogEndpoint &e : system.endpoints) {
            if (e.isQuery() != m_source)
                continue;
            m_endpoint->addItem(QStringLiteral("%1 — %2 (%3)")
                                    .arg(e.title.in(chinese()), e.api, system.title.in(chinese())),
                                e.ref());
        }
    }
    m_loading = wasLoading;
}

void CatalogAdapterForm::load()
{
    const Scheme *s = m_doc->project().scheme(m_scheme);
    if (!s)
        return;
    const bool wasLoading = std::exchange(m_loading, true);
    const AdapterMetadata &meta = (m_source ? s->source : s->target).metadata;
    const QString ref = meta.json().value(QLatin1String("catalog")).toString();
    const int index = m_endpoint->findData(ref);
    if (index >= 0) {
        m_endpoint->setCurrentIndex(index);
    } else {
        // A reference the catalogue does not know (validate says so): shown as it is.
        m_endpoint->setCurrentIndex(0);
        m_endpoint->setEditText(ref);
    }
    const CatalogEndpoint *e = endpoint();
    for (QWidget *w : std::initializer_list<QWidget *>{m_title, m_api, m_paging, m_parametersLabel,
                                                       m_parameters})
        w->setVisible(e != nullptr);
    m_parameters->setRowCount(0);
    if (!e) {
        m_loading = wasLoading;
        return;
    }
    const CatalogSystem *system = Catalog::builtin()->system(e->system);
    m_title->setText(
        system ? QStringLiteral("%1 · %2").arg(system->title.in(chinese()), e->title.in(chinese()))
               : e->title.in(chinese()));
    m_api->setText(tr("%1 %2 · %3 · documented at %4")
                       .arg(meta.method().isEmpty() ? e->method : meta.method(),
                            meta.api().isEmpty() ? e->api : meta.api(),
                            e->isQuery() ? tr("query") : tr("save"), e->source));
    QStringList paging;
    if (e->paging && e->paging->kind != QLatin1String("none")) {
        paging << tr("pages by %1").arg(e->paging->kind);
        if (e->paging->defaultPageSize > 0)
            paging << tr("%1 records per page").arg(e->paging->defaultPageSize);
        if (e->paging->maxPageSize > 0)
            paging << tr("at most %1").arg(e->paging->maxPageSize);
    } else if (e->isQuery()) {
        paging << tr("no paging");
    }
    if (e->window) {
        paging << tr("window %1 … %2").arg(e->window->startParam, e->window->endParam);
        if (e->window->maxSpanDays > 0)
            paging << tr("at most %1 days").arg(e->window->maxSpanDays);
    }
    m_paging->setText(paging.isEmpty() ? QString() : tr("Paging: %1").arg(paging.join(", ")));
    m_paging->setVisible(!paging.isEmpty());

    QList<Row> rows;
    addRows(rows, e->request, QString(), QString());
    addUnknownRows(rows, meta.request(), QString());
    m_parameters->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        const RequestField f = meta.requestField(r.path);
        auto cell = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            if (column != Value)
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            item->setData(PathRole, r.path);
            item->setData(TypeRole, r.type);
            item->setData(RequiredRole, r.required);
            m_parameters->setItem(i, column, item);
            return item;
        };
        QTableWidgetItem *label = cell(Label, r.label);
        if (!r.known)
            label->setToolTip(tr("Not a parameter of this endpoint in the catalogue."));
        cell(Field, r.path);
        cell(Type, r.type);
        cell(Required, r.required ? tr("yes") : QString());
        QTableWidgetItem *value = cell(Value, valueText(f.value));
        // Parameters the request does not send yet are greyed; giving a value adds them.
        if (f.field.isEmpty()) {
            value->setForeground(palette().color(QPalette::PlaceholderText));
            label->setForeground(palette().color(QPalette::PlaceholderText));
        }
    }
    m_parameters->resizeColumnsToContents();
    m_loading = wasLoading;
}

void CatalogAdapterForm::bind(const QString &ref)
{
    if (m_loading)
        return;
    const Scheme *s = m_doc->project().scheme(m_scheme);
    if (!s)
        return;
    const AdapterMetadata &old = (m_source ? s->source : s->target).metadata;
    if (old.json().value(QLatin1String("catalog")).toString() == ref)
        return;
    if (ref.isEmpty()) {
        editAdapter(tr("catalogue endpoint"),
                    [](Adapter &a) { a.metadata.json().remove(QStringLiteral("catalog")); });
        return;
    }
    const CatalogEndpoint *e = Catalog::builtin()->endpoint(ref);
    if (!e)
        return;
    AdapterMetadata made = catalogMetadata(*e);
    // Rebinding keeps what the user gave: values (mappings, filters) of the fields both the
    // old metadata and the new entry have.
    for (const RequestField &f : old.request()) {
        if (!f.value.isUndefined() && !made.requestField(f.field).field.isEmpty())
            made.setRequestValue(f.field, f.value);
    }
    editAdapter(tr("catalogue endpoint"), [&](Adapter &a) { a.metadata = made; });
}

void CatalogAdapterForm::editValue(const QString &path, const QString &type, bool required,
                                   const QString &text)
{
    const QJsonValue value = parseValue(text, type);
    const CatalogEndpoint *e = endpoint();
    const CatalogParam *p = e ? findParam(e->request, path) : nullptr;
    editAdapter(tr("parameter %1").arg(path), [&](Adapter &a) {
        AdapterMetadata &m = a.metadata;
        const bool present = !m.requestField(path).field.isEmpty();
        if (value.isUndefined() && present && m_source && !required && !path.contains(u'/')) {
            // An optional parameter without a value is left to the catalogue again.
            QJsonArray request = m.json().value(QLatin1String("request")).toArray();
            for (qsizetype i = request.size() - 1; i >= 0; --i) {
                if (request.at(i).toObject().value(QLatin1String("field")).toString() == path)
                    request.removeAt(i);
            }
            m.json().insert(QStringLiteral("request"), request);
            return;
        }
        if (!present && value.isUndefined())
            return;
        if (!m.setRequestValue(path, value) || present || !p)
            return;
        // A new entry as catalogMetadata writes it: the Chinese label and the type.
        m.setRequestKey(path, QStringLiteral("label"), p->label.zh);
        m.setRequestKey(path, QStringLiteral("type"), catalogMetadataType(p->type));
    });
}

void CatalogAdapterForm::editAdapter(const QString &what, const std::function<void(Adapter &)> &f)
{
    if (m_scheme.isEmpty())
        return;
    pushSchemeEdit(m_doc, m_scheme,
                   m_source ? tr("Edit source %1").arg(what) : tr("Edit target %1").arg(what),
                   [&](Scheme &s) { f(m_source ? s.source : s.target); });
    load();
}

} // namespace weft
