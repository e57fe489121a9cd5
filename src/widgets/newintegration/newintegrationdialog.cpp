#include "widgets/newintegration/newintegrationdialog.h"

#include "core/model/mysqlstatement.h"
#include "widgets/common/commands.h"
#include "widgets/common/language.h"
#include "widgets/common/projectdocument.h"
#include "widgets/connections/connectiondialog.h"
#include "widgets/mapping/mysqlcolumnloader.h"
#include "widgets/newintegration/endpointpicker.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

namespace weft {

namespace {

/// The combo entry that opens the connection dialog instead of naming a connection.
const QString kNewConnection = QStringLiteral("\x01new");

bool chineseUi()
{
    return Language::current() == QLatin1String("zh_CN");
}

ConnectorType typeOfSystem(const Catalog &catalog, const QString &system)
{
    const CatalogSystem *s = catalog.system(system);
    return connectorTypeFromName(s ? s->connectionType : system).value_or(ConnectorType::HttpJson);
}

} // namespace

NewIntegrationDialog::NewIntegrationDialog(ProjectDocument *doc, QWidget *parent)
    : QDialog(parent)
    , m_doc(doc)
    , m_catalog(Catalog::builtin())
    , m_columns(new MySqlColumnLoader(this))
    , m_heading(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_sourcePicker(new EndpointPicker(m_catalog, true, this))
    , m_targetIntro(new QLabel(this))
    , m_toEndpoint(new QRadioButton(this))
    , m_toTable(new QRadioButton(this))
    , m_toNewTable(new QRadioButton(this))
    , m_targetKinds(new QButtonGroup(this))
    , m_targetPicker(new EndpointPicker(m_catalog, false, this))
    , m_tableLabel(new QLabel(this))
    , m_table(new QLineEdit(this))
    , m_tableHint(new QLabel(this))
    , m_ddlLabel(new QLabel(this))
    , m_ddl(new QPlainTextEdit(this))
    , m_sourceConnectionLabel(new QLabel(this))
    , m_sourceConnection(new QComboBox(this))
    , m_targetConnectionLabel(new QLabel(this))
    , m_targetConnection(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_back(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_create(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("newIntegration"));
    resize(860, 600);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    // Page 1: the source.
    m_pages->addWidget(m_sourcePicker);

    // Page 2: the target.
    auto *target = new QWidget(this);
    m_targetKinds->addButton(m_toEndpoint, int(IntegrationDraft::Target::Endpoint));
    m_targetKinds->addButton(m_toTable, int(IntegrationDraft::Target::ExistingTable));
    m_targetKinds->addButton(m_toNewTable, int(IntegrationDraft::Target::NewTable));
    m_toEndpoint->setChecked(true);
    m_table->setObjectName(QStringLiteral("table"));
    m_ddl->setObjectName(QStringLiteral("ddl"));
    m_ddl->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_ddl->setFont(mono);
    m_tableHint->setWordWrap(true);
    auto *kinds = new QHBoxLayout;
    kinds->addWidget(m_toEndpoint);
    kinds->addWidget(m_toTable);
    kinds->addWidget(m_toNewTable);
    kinds->addStretch();
    auto *tableRow = new QHBoxLayout;
    tableRow->addWidget(m_tableLabel);
    tableRow->addWidget(m_table, 1);
    auto *targetLayout = new QVBoxLayout(target);
    targetLayout->setContentsMargins(0, 0, 0, 0);
    targetLayout->addWidget(m_targetIntro);
    targetLayout->addLayout(kinds);
    targetLayout->addWidget(m_targetPicker, 1);
    targetLayout->addLayout(tableRow);
    targetLayout->addWidget(m_tableHint);
    targetLayout->addWidget(m_ddlLabel);
    targetLayout->addWidget(m_ddl, 1);
    m_pages->addWidget(target);

    // Page 3: the connections.
    auto *connections = new QWidget(this);
    m_sourceConnection->setObjectName(QStringLiteral("sourceConnection"));
    m_targetConnection->setObjectName(QStringLiteral("targetConnection"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setObjectName(QStringLiteral("summary"));
    auto *form = new QFormLayout;
    form->addRow(m_sourceConnectionLabel, m_sourceConnection);
    form->addRow(m_targetConnectionLabel, m_targetConnection);
    auto *connectionsLayout = new QVBoxLayout(connections);
    connectionsLayout->setContentsMargins(0, 0, 0, 0);
    connectionsLayout->addLayout(form);
    connectionsLayout->addWidget(m_summary);
    connectionsLayout->addStretch();
    m_pages->addWidget(connections);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e"));
    m_error->setObjectName(QStringLiteral("error"));
    m_back->setObjectName(QStringLiteral("back"));
    m_next->setObjectName(QStringLiteral("next"));
    m_create->setObjectName(QStringLiteral("create"));
    m_next->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_create);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_pages, 1);
    layout->addLayout(buttons);

    connect(m_sourcePicker, &EndpointPicker::currentChanged, this, [this] {
        proposeDdl();
        updateButtons();
    });
    connect(m_sourcePicker, &EndpointPicker::activated, this, [this] { goTo(TargetPage); });
    connect(m_targetPicker, &EndpointPicker::currentChanged, this,
            &NewIntegrationDialog::updateButtons);
    connect(m_targetPicker, &EndpointPicker::activated, this, [this] { goTo(ConnectionsPage); });
    connect(m_targetKinds, &QButtonGroup::idClicked, this, &NewIntegrationDialog::updateTargetKind);
    connect(m_table, &QLineEdit::textEdited, this, [this] {
        proposeDdl();
        updateButtons();
    });
    connect(m_back, &QPushButton::clicked, this, [this] { goTo(page() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { goTo(page() + 1); });
    connect(m_create, &QPushButton::clicked, this, &NewIntegrationDialog::create);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_sourceConnection, &QComboBox::activated, this, [this] {
        if (m_sourcePicker->current())
            connectionChosen(m_sourceConnection,
                             typeOfSystem(*m_catalog, m_sourcePicker->current()->system));
    });
    connect(m_targetConnection, &QComboBox::activated, this,
            [this] { connectionChosen(m_targetConnection, targetType()); });
    connect(
        m_columns, &MySqlColumnLoader::loaded, this,
        [this](const QString &, const QList<ColumnInfo> &columns, const QString &error) {
            if (!error.isEmpty() || columns.isEmpty()) {
                m_error->setText(
                    error.isEmpty()
                        ? tr("Table %1 does not exist (or has no columns).").arg(m_table->text())
                        : error);
                m_create->setEnabled(true);
                return;
            }
            IntegrationDraft d = draft();
            d.columns = columns;
            finish(d);
        });
    retranslate();
    goTo(SourcePage);
    updateTargetKind();
}

NewIntegrationDialog::~NewIntegrationDialog() = default;

int NewIntegrationDialog::page() const
{
    return m_pages->currentIndex();
}

void NewIntegrationDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void NewIntegrationDialog::retranslate()
{
    setWindowTitle(tr("New integration"));
    m_targetIntro->setText(tr("Where do the records go?"));
    m_toEndpoint->setText(tr("A system's API (catalogue)"));
    m_toTable->setText(tr("An existing MySQL table"));
    m_toNewTable->setText(tr("A new MySQL table"));
    m_tableLabel->setText(tr("Table:"));
    m_ddlLabel->setText(tr("The table Weft proposes from the source's fields (edit freely; the "
                           "first run creates it):"));
    m_sourceConnectionLabel->setText(tr("Read with:"));
    m_targetConnectionLabel->setText(tr("Write with:"));
    m_back->setText(tr("< &Back"));
    m_next->setText(tr("&Next >"));
    m_create->setText(tr("&Create"));
    m_cancel->setText(tr("Cancel"));
    goTo(page());
    updateTargetKind();
}

void NewIntegrationDialog::goTo(int page)
{
    page = std::clamp(page, int(SourcePage), int(ConnectionsPage));
    m_pages->setCurrentIndex(page);
    m_error->clear();
    switch (page) {
    case SourcePage:
        m_heading->setText(tr("1 / 3 · Source: which records to read"));
        m_sourcePicker->searchField()->setFocus();
        break;
    case TargetPage:
        m_heading->setText(tr("2 / 3 · Target: where to write them"));
        proposeDdl();
        break;
    default:
        m_heading->setText(tr("3 / 3 · Connections"));
        fillConnections();
        refreshSummary();
        break;
    }
    updateButtons();
}

ConnectorType NewIntegrationDialog::targetType() const
{
    if (m_toEndpoint->isChecked() && m_targetPicker->current())
        return typeOfSystem(*m_catalog, m_targetPicker->current()->system);
    return ConnectorType::MySql;
}

void NewIntegrationDialog::updateTargetKind()
{
    const bool endpoint = m_toEndpoint->isChecked();
    const bool newTable = m_toNewTable->isChecked();
    m_targetPicker->setVisible(endpoint);
    m_tableLabel->setVisible(!endpoint);
    m_table->setVisible(!endpoint);
    m_tableHint->setVisible(!endpoint && !newTable);
    m_tableHint->setText(tr("Its columns are read from the database when you create the "
                            "scheme; auto-map matches them by name and by their comments."));
    m_ddlLabel->setVisible(newTable);
    m_ddl->setVisible(newTable);
    proposeDdl();
    updateButtons();
}

void NewIntegrationDialog::proposeDdl()
{
    const CatalogEndpoint *source = m_sourcePicker->current();
    if (!source)
        return;
    if (m_table->text().isEmpty() || !m_table->isModified())
        m_table->setText(draftTableName(*source));
    // The DDL follows the source and the table name until the user edits it.
    const bool edited = !m_proposedDdl.isEmpty() && m_ddl->toPlainText() != m_proposedDdl;
    const MySqlTableProposal p = proposeMySqlTable(*source, m_table->text());
    if (!p.error.isEmpty() || edited)
        return;
    m_proposedDdl = p.ddl();
    m_ddl->setPlainText(m_proposedDdl);
}

void NewIntegrationDialog::updateButtons()
{
    const int p = page();
    bool ok = true;
    if (p == SourcePage)
        ok = m_sourcePicker->current() != nullptr;
    else if (p == TargetPage)
        ok = m_toEndpoint->isChecked() ? m_targetPicker->current() != nullptr
                                       : MySqlStatement::isValidIdentifier(m_table->text());
    m_back->setEnabled(p > SourcePage);
    m_next->setVisible(p < ConnectionsPage);
    m_next->setEnabled(ok);
    m_create->setVisible(p == ConnectionsPage);
    m_create->setEnabled(p == ConnectionsPage);
    m_next->setDefault(p < ConnectionsPage);
    m_create->setDefault(p == ConnectionsPage);
}

void NewIntegrationDialog::fillConnections()
{
    const auto fill = [this](QComboBox *box, ConnectorType type) {
        const QString chosen = box->currentData().toString();
        box->clear();
        for (const Connection &c : m_doc->project().connections + m_newConnections) {
            if (c.type == type)
                box->addItem(c.title.isEmpty() ? c.name
                                               : c.title + QStringLiteral(" (") + c.name + u')',
                             c.name);
        }
        box->addItem(tr("New connection (%1)…").arg(ConnectionDialog::typeTitle(type)),
                     kNewConnection);
        box->addItem(tr("None for now"), QString());
        // Keep the choice; else the first connection of the type (none: "None for now").
        int index = box->findData(chosen);
        if (index < 0 || chosen.isEmpty() || chosen == kNewConnection)
            index = box->count() > 2 ? 0 : box->count() - 1;
        box->setCurrentIndex(index);
    };
    if (const CatalogEndpoint *source = m_sourcePicker->current())
        fill(m_sourceConnection, typeOfSystem(*m_catalog, source->system));
    fill(m_targetConnection, targetType());
}

void NewIntegrationDialog::connectionChosen(QComboBox *box, ConnectorType type)
{
    if (box->currentData().toString() != kNewConnection) {
        refreshSummary();
        return;
    }
    Project project = m_doc->project();
    project.connections += m_newConnections;
    ConnectionDialog dialog(project, nullptr, this);
    dialog.setType(type);
    if (dialog.exec() == QDialog::Accepted) {
        m_newConnections << dialog.connection();
        fillConnections();
        box->setCurrentIndex(box->findData(dialog.connection().name));
    } else {
        box->setCurrentIndex(box->count() - 1);
    }
    refreshSummary();
}

std::optional<Connection> NewIntegrationDialog::connectionNamed(const QString &name) const
{
    for (const Connection &c : m_doc->project().connections + m_newConnections) {
        if (c.name == name)
            return c;
    }
    return std::nullopt;
}

IntegrationDraft NewIntegrationDialog::draft() const
{
    IntegrationDraft d;
    d.source = m_sourcePicker->current();
    d.sourceConnection = m_sourceConnection->currentData().toString();
    d.target = IntegrationDraft::Target(m_targetKinds->checkedId());
    d.targetEndpoint = m_targetPicker->current();
    d.table = m_table->text().trimmed();
    d.ddl = m_ddl->toPlainText();
    d.targetConnection = m_targetConnection->currentData().toString();
    if (d.sourceConnection == kNewConnection)
        d.sourceConnection.clear();
    if (d.targetConnection == kNewConnection)
        d.targetConnection.clear();
    return d;
}

void NewIntegrationDialog::refreshSummary()
{
    const IntegrationDraft d = draft();
    if (!d.source)
        return;
    QStringList taken;
    for (const Scheme &s : m_doc->project().schemes)
        taken << s.name;
    const QString name = draftSchemeName(d, taken);
    QString text = tr("Creates scheme %1.").arg(name);
    if (d.target == IntegrationDraft::Target::ExistingTable) {
        text += u' ' + tr("The columns of %1 are read now, then auto-mapped.").arg(d.table);
    } else {
        const DraftResult r = draftScheme(d, name, QString());
        text += u' ' + tr("Auto-map fills %n target field(s).", nullptr, r.mapped);
        if (!r.unmappedRequired.isEmpty())
            text += u' ' + tr("Required and still to map: %1.")
                               .arg(r.unmappedRequired.join(QStringLiteral(", ")));
    }
    if (d.sourceConnection.isEmpty() || d.targetConnection.isEmpty())
        text += u'\n' + tr("Without connections the scheme cannot fetch a sample or run yet; "
                           "add them later in its properties.");
    m_summary->setText(text);
}

void NewIntegrationDialog::create()
{
    const IntegrationDraft d = draft();
    if (d.target != IntegrationDraft::Target::ExistingTable) {
        finish(d);
        return;
    }
    const std::optional<Connection> connection = connectionNamed(d.targetConnection);
    if (!connection) {
        m_error->setText(tr("Choose the MySQL connection to read the table's columns with."));
        return;
    }
    m_error->setText(tr("Reading the columns of %1…").arg(d.table));
    m_create->setEnabled(false);
    m_columns->load(*connection, d.table);
}

void NewIntegrationDialog::finish(const IntegrationDraft &d)
{
    QStringList taken;
    for (const Scheme &s : m_doc->project().schemes)
        taken << s.name;
    const QString name = draftSchemeName(d, taken);
    const bool chinese = chineseUi();
    const QString target = d.target == IntegrationDraft::Target::Endpoint && d.targetEndpoint
                               ? d.targetEndpoint->title.in(chinese)
                               : QStringLiteral("MySQL %1").arg(d.table);
    const QString title = d.source->title.in(chinese) + QStringLiteral(" → ") + target;
    const DraftResult r = draftScheme(d, name, title);
    if (!r.error.isEmpty()) {
        m_error->setText(r.error);
        m_create->setEnabled(true);
        return;
    }
    // The connections made here and the scheme are one undo step.
    QUndoStack *undo = m_doc->undoStack();
    undo->beginMacro(tr("New integration %1").arg(name));
    for (const Connection &c : m_newConnections) {
        if (c.name == d.sourceConnection || c.name == d.targetConnection)
            undo->push(new ConnectionCommand(m_doc, ConnectionCommand::Kind::Insert, -1, c,
                                             tr("New connection %1").arg(c.name)));
    }
    undo->push(
        new InsertSchemeCommand(m_doc, -1, r.scheme, QJsonObject(), tr("New scheme %1").arg(name)));
    undo->endMacro();
    m_created = name;
    m_unmappedRequired = r.unmappedRequired;
    Q_EMIT created(name);
    accept();
}

} // namespace weft
