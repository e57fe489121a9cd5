#include "widgets/mainwindow/adapterpropertiespage.h"

#include "ui_adapterproperties.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/mainwindow/catalogadapterform.h"

#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>

namespace weft {

AdapterPropertiesPage::AdapterPropertiesPage(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AdapterProperties>())
    , m_doc(doc)
    , m_catalogForm(new CatalogAdapterForm(doc, this))
    , m_editAsJson(new QPushButton(this))
{
    m_ui->setupUi(this);
    // The catalogue form sits between the node's settings and the JSON it stands in for.
    m_ui->layout->insertWidget(1, m_catalogForm);
    m_ui->layout->insertWidget(2, m_editAsJson, 0, Qt::AlignRight);
    m_editAsJson->setObjectName(QStringLiteral("editAsJson"));
    m_editAsJson->setCheckable(true);
    m_editAsJson->setText(tr("Edit as JSON"));
    connect(m_editAsJson, &QPushButton::toggled, this, &AdapterPropertiesPage::showCatalogOrJson);
    m_ui->metadata->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->metadata->setMinimumHeight(160);
    m_ui->metadataError->setStyleSheet(QStringLiteral("color: #c62828"));

    auto text = [this](QLineEdit *e, const QString &key, const QString &what) {
        connect(e, &QLineEdit::textEdited, this, [this, e, key, what] {
            const QString v = e->text().trimmed();
            edit(what, key, [&](Adapter &a) {
                a.metadata.setSetting(key, v.isEmpty() ? QJsonValue() : QJsonValue(v));
            });
        });
    };
    text(m_ui->api, QStringLiteral("api"), tr("api"));
    text(m_ui->idField, QStringLiteral("id"), tr("id field"));
    text(m_ui->numberField, QStringLiteral("number"), tr("number field"));
    text(m_ui->nameField, QStringLiteral("name"), tr("name field"));
    connect(m_ui->method, &QComboBox::currentTextChanged, this, [this](const QString &t) {
        edit(tr("method"), QStringLiteral("method"), [&](Adapter &a) {
            a.metadata.setSetting(QStringLiteral("method"), t.trimmed().toUpper());
        });
    });
    connect(m_ui->connection, &QComboBox::activated, this, [this] {
        const QString c = m_ui->connection->currentData().toString();
        edit(tr("connection"), QString(), [&](Adapter &a) { a.connection = c; });
    });
    connect(m_ui->idCheck, &QCheckBox::toggled, this, [this](bool on) {
        edit(tr("idCheck"), QString(), [&](Adapter &a) {
            // idCheck defaults to true: "false" is written, "true" only if it was there.
            if (on && !a.metadata.json().contains(QLatin1String("idCheck")))
                return;
            a.metadata.json().insert(QStringLiteral("idCheck"), on);
        });
    });
    connect(m_ui->beatFlat, &QLineEdit::editingFinished, this, [this] {
        QJsonArray arrays;
        for (const QString &a : m_ui->beatFlat->text().split(u',', Qt::SkipEmptyParts))
            arrays.append(a.trimmed());
        edit(tr("beatFlat"), QString(), [&](Adapter &a) {
            if (QJsonArray::fromStringList(a.metadata.beatFlat()) == arrays)
                return;
            a.metadata.setSetting(QStringLiteral("beatFlat"), arrays);
        });
    });
    connect(m_ui->applyMetadata, &QPushButton::clicked, this,
            &AdapterPropertiesPage::applyMetadata);
    connect(doc, &ProjectDocument::schemeChanged, this,
            [this](int, const QString &oldName, const QString &newName) {
                if (oldName == m_scheme) {
                    m_scheme = newName;
                    load();
                }
            });
    connect(doc, &ProjectDocument::connectionsChanged, this, &AdapterPropertiesPage::load);
}

AdapterPropertiesPage::~AdapterPropertiesPage() = default;

void AdapterPropertiesPage::setAdapter(const QString &scheme, Role role)
{
    m_scheme = scheme;
    m_role = role;
    m_catalogForm->setAdapter(scheme, role == Role::Source);
    load();
}

void AdapterPropertiesPage::setEditAsJson(bool on)
{
    m_editAsJson->setChecked(on);
    showCatalogOrJson();
}

void AdapterPropertiesPage::showCatalogOrJson()
{
    // Bound to an endpoint: the form, unless asked for the JSON. Not bound: the JSON, with
    // the endpoint combo of the form above it to bind one.
    const bool bound = m_catalogForm->endpoint() != nullptr;
    const bool json = !bound || m_editAsJson->isChecked();
    m_editAsJson->setVisible(bound);
    m_ui->metadataGroup->setVisible(json);
    m_catalogForm->setFlat(!bound);
    // The parameter table or the JSON editor takes the height; the other stays compact.
    m_ui->layout->setStretchFactor(m_catalogForm, json ? 0 : 1);
    m_ui->layout->setStretchFactor(m_ui->metadataGroup, json ? 1 : 0);
}

void AdapterPropertiesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_editAsJson->setText(tr("Edit as JSON"));
        load();
    }
    QWidget::changeEvent(event);
}

void AdapterPropertiesPage::load()
{
    const Scheme *s = m_doc->project().scheme(m_scheme);
    setEnabled(s != nullptr);
    if (!s)
        return;
    m_loading = true;
    const bool source = m_role == Role::Source;
    const Adapter &a = source ? s->source : s->target;
    m_ui->adapterGroup->setTitle(source ? tr("Source") : tr("Target"));
    m_ui->connection->clear();
    for (const Connection &c : m_doc->project().connections) {
        const auto type = c.unknownType.isEmpty() ? std::optional(c.type) : std::nullopt;
        const bool fits = !type || (source ? connectorCanRead(*type) : connectorCanWrite(*type));
        if (fits || c.name == a.connection)
            m_ui->connection->addItem(
                c.title.isEmpty() ? c.name : QStringLiteral("%1 (%2)").arg(c.title, c.name),
                c.name);
    }
    if (m_ui->connection->findData(a.connection) < 0)
        m_ui->connection->addItem(a.connection, a.connection);
    m_ui->connection->setCurrentIndex(m_ui->connection->findData(a.connection));
    auto setText = [](QLineEdit *e, const QString &t) {
        if (e->text() != t)
            e->setText(t);
    };
    const AdapterMetadata &m = a.metadata;
    setText(m_ui->api, m.api());
    if (m_ui->method->currentText() != m.method())
        m_ui->method->setCurrentText(m.method());
    setText(m_ui->idField, m.idField());
    setText(m_ui->numberField, m.numberField());
    setText(m_ui->nameField, m.nameField());
    m_ui->idCheck->setChecked(m.idCheck());
    setText(m_ui->beatFlat, m.beatFlat().join(QStringLiteral(", ")));
    m_ui->beatFlat->setVisible(source);
    m_ui->beatFlatLabel->setVisible(source);
    const QString json = QString::fromUtf8(QJsonDocument(m.json()).toJson(QJsonDocument::Indented));
    if (m_ui->metadata->toPlainText() != json)
        m_ui->metadata->setPlainText(json);
    m_ui->metadataError->clear();
    m_catalogForm->load();
    showCatalogOrJson();
    m_loading = false;
}

void AdapterPropertiesPage::edit(const QString &what, const QString &key,
                                 const std::function<void(Adapter &)> &f)
{
    if (m_loading || m_scheme.isEmpty())
        return;
    const bool source = m_role == Role::Source;
    const QString side = source ? QStringLiteral("source") : QStringLiteral("target");
    pushSchemeEdit(
        m_doc, m_scheme, source ? tr("Edit source %1").arg(what) : tr("Edit target %1").arg(what),
        [&](Scheme &s) { f(source ? s.source : s.target); },
        key.isEmpty() ? QString() : QStringLiteral("adapter:%1:%2:%3").arg(m_scheme, side, key));
}

void AdapterPropertiesPage::applyMetadata()
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(m_ui->metadata->toPlainText().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        m_ui->metadataError->setText(
            error.error != QJsonParseError::NoError
                ? tr("Not applied: %1 at character %2.").arg(error.errorString()).arg(error.offset)
                : tr("Not applied: the metadata must be a JSON object."));
        return;
    }
    edit(tr("metadata"), QString(),
         [&](Adapter &a) { a.metadata = AdapterMetadata(doc.object()); });
    m_ui->metadataError->clear();
}

} // namespace weft
