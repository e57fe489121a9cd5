#include "widgets/mainwindow/environmentseditor.h"

#include "core/model/environment.h"
#include "core/model/secretref.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace weft {

namespace {

enum Column { NameColumn, KindColumn, ValueColumn };

EnvironmentsEditor::Kind kindOf(const QJsonValue &value, QString *text)
{
    if (const auto ref = SecretRef::fromJson(value)) {
        *text = ref->key;
        switch (ref->kind) {
        case SecretRef::Kind::Env:
            return EnvironmentsEditor::Kind::EnvVariable;
        case SecretRef::Kind::Keychain:
            return EnvironmentsEditor::Kind::Keychain;
        case SecretRef::Kind::Plain:
            return EnvironmentsEditor::Kind::Plain;
        }
    }
    *text = value.isDouble() ? QString::number(value.toDouble(), 'g', 17) : value.toString();
    return EnvironmentsEditor::Kind::Value;
}

QJsonValue valueOf(EnvironmentsEditor::Kind kind, const QString &text)
{
    switch (kind) {
    case EnvironmentsEditor::Kind::Value:
        return text;
    case EnvironmentsEditor::Kind::EnvVariable:
        return SecretRef{SecretRef::Kind::Env, text}.toJson();
    case EnvironmentsEditor::Kind::Keychain:
        return SecretRef{SecretRef::Kind::Keychain, text}.toJson();
    case EnvironmentsEditor::Kind::Plain:
        return SecretRef{SecretRef::Kind::Plain, text}.toJson();
    }
    return text;
}

QString uniqueName(const QString &base, const QStringList &taken)
{
    QString name = base;
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

} // namespace

EnvironmentsEditor::EnvironmentsEditor(ProjectDocument *doc, QWidget *parent)
    : QGroupBox(parent)
    , m_doc(doc)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_activate(new QPushButton(this))
    , m_variablesLabel(new QLabel(this))
    , m_table(new QTableWidget(0, 3, this))
    , m_addVariable(new QPushButton(this))
    , m_removeVariable(new QPushButton(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("environmentsGroup"));
    m_list->setObjectName(QStringLiteral("environmentList"));
    m_table->setObjectName(QStringLiteral("variableTable"));
    m_list->setMaximumHeight(96);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(120);
    m_message->setWordWrap(true);
    m_message->hide();

    auto *envButtons = new QHBoxLayout;
    envButtons->addWidget(m_add);
    envButtons->addWidget(m_remove);
    envButtons->addWidget(m_activate);
    envButtons->addStretch();
    auto *varButtons = new QHBoxLayout;
    varButtons->addWidget(m_addVariable);
    varButtons->addWidget(m_removeVariable);
    varButtons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addLayout(envButtons);
    layout->addWidget(m_variablesLabel);
    layout->addWidget(m_table);
    layout->addLayout(varButtons);
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, &EnvironmentsEditor::addEnvironment);
    connect(m_remove, &QPushButton::clicked, this, &EnvironmentsEditor::removeEnvironment);
    connect(m_activate, &QPushButton::clicked, this, &EnvironmentsEditor::makeActive);
    connect(m_addVariable, &QPushButton::clicked, this, &EnvironmentsEditor::addVariable);
    connect(m_removeVariable, &QPushButton::clicked, this, &EnvironmentsEditor::removeVariable);
    connect(m_list, &QListWidget::itemChanged, this, &EnvironmentsEditor::renamed);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_loading || row < 0)
            return;
        m_current = m_list->item(row)->data(Qt::UserRole).toString();
        showVariables();
    });
    connect(m_table, &QTableWidget::cellChanged, this, &EnvironmentsEditor::cellEdited);
    connect(doc, &ProjectDocument::environmentsChanged, this, &EnvironmentsEditor::load);
    connect(doc, &ProjectDocument::projectReset, this, &EnvironmentsEditor::load);
    retranslate();
}

QString EnvironmentsEditor::currentEnvironment() const
{
    return m_current;
}

void EnvironmentsEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void EnvironmentsEditor::retranslate()
{
    setTitle(tr("Environments"));
    m_add->setText(tr("Add"));
    m_remove->setText(tr("Remove"));
    m_activate->setText(tr("Make active"));
    m_addVariable->setText(tr("Add variable"));
    m_removeVariable->setText(tr("Remove variable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Given as"), tr("Value")});
    m_list->setToolTip(tr("Double-click a name to rename it. The active environment (bold) is "
                          "the one runs and previews use."));
    m_shownEnvironment.clear(); // the Kind boxes speak the new language
    load();
}

void EnvironmentsEditor::load()
{
    m_loading = true;
    const Project &p = m_doc->project();
    if (!p.environment(m_current))
        m_current = p.environment(p.activeEnvironment) ? p.activeEnvironment
                                                       : p.environmentNames().value(0);
    // Items are kept when the names are those shown: a rename typed into the list arrives
    // here from inside the item's own change signal, where deleting it would pull the floor.
    bool same = m_list->count() == p.environments.size();
    for (int i = 0; same && i < m_list->count(); ++i)
        same = m_list->item(i)->text() == p.environments.at(i).name;
    if (!same) {
        m_list->clear();
        for (const Environment &e : p.environments) {
            auto *item = new QListWidgetItem(e.name, m_list);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        }
    }
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const QString &name = p.environments.at(i).name;
        item->setData(Qt::UserRole, name);
        QFont font = item->font();
        font.setBold(name == p.activeEnvironment);
        item->setFont(font);
        item->setToolTip(name == p.activeEnvironment ? tr("Active: runs and previews use it")
                                                     : QString());
        if (name == m_current)
            m_list->setCurrentItem(item);
    }
    m_loading = false;
    showVariables();
}

void EnvironmentsEditor::showVariables()
{
    m_loading = true;
    const Project &p = m_doc->project();
    const Environment *e = p.environment(m_current);
    m_remove->setEnabled(e);
    m_activate->setEnabled(e && e->name != p.activeEnvironment);
    m_table->setEnabled(e);
    m_addVariable->setEnabled(e);
    m_removeVariable->setEnabled(e);
    m_variablesLabel->setText(e ? tr("Variables of %1 (they override the process "
                                     "environment's):")
                                      .arg(e->name)
                                : tr("No environments: connections read ${NAME} from the "
                                     "process environment. Add one per account (测试, 生产)."));
    const QJsonObject variables = e ? e->variables : QJsonObject();
    // The table's own edit comes back here from inside its change signal: when it already
    // shows what the project holds, its items stay.
    QJsonObject shown;
    if (m_shownEnvironment == m_current && tableVariables(&shown) && shown == variables &&
        shown.size() == m_table->rowCount()) {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            QTableWidgetItem *name = m_table->item(row, NameColumn);
            name->setData(Qt::UserRole, name->text().trimmed()); // accepted: the new name
        }
        m_loading = false;
        return;
    }
    m_shownEnvironment = m_current;
    m_table->setRowCount(0);
    int row = 0;
    for (auto it = variables.begin(); it != variables.end(); ++it, ++row) {
        QString text;
        const Kind kind = kindOf(it.value(), &text);
        m_table->insertRow(row);
        auto *nameItem = new QTableWidgetItem(it.key());
        nameItem->setData(Qt::UserRole, it.key()); // what a refused rename goes back to
        m_table->setItem(row, NameColumn, nameItem);
        m_table->setItem(row, ValueColumn, new QTableWidgetItem(text));
        auto *box = new QComboBox(m_table);
        box->addItems(
            {tr("Value"), tr("Environment variable"), tr("Keychain entry"), tr("Plain secret")});
        box->setCurrentIndex(int(kind));
        connect(box, &QComboBox::activated, this, [this, box](int) {
            for (int r = 0; r < m_table->rowCount(); ++r) {
                if (m_table->cellWidget(r, KindColumn) == box)
                    commitTable(
                        tr("Change how %1 is given").arg(m_table->item(r, NameColumn)->text()));
            }
        });
        m_table->setCellWidget(row, KindColumn, box);
    }
    m_table->resizeColumnToContents(NameColumn);
    m_table->resizeColumnToContents(KindColumn); // "Keychain entry" in full
    m_loading = false;
}

void EnvironmentsEditor::revertNames()
{
    // In place, not by rebuilding the table: this runs inside an item's change signal.
    m_loading = true;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *name = m_table->item(row, NameColumn);
        name->setText(name->data(Qt::UserRole).toString());
    }
    m_loading = false;
}

bool EnvironmentsEditor::tableVariables(QJsonObject *out) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = m_table->item(row, NameColumn)->text().trimmed();
        if (name.isEmpty())
            continue;
        if (out->contains(name))
            return false;
        const auto *box = qobject_cast<QComboBox *>(m_table->cellWidget(row, KindColumn));
        const Kind kind = box ? Kind(box->currentIndex()) : Kind::Value;
        const QTableWidgetItem *value = m_table->item(row, ValueColumn);
        out->insert(name, valueOf(kind, value ? value->text() : QString()));
    }
    return true;
}

void EnvironmentsEditor::commitTable(const QString &text)
{
    const Project &p = m_doc->project();
    QJsonObject variables;
    if (!tableVariables(&variables)) {
        m_message->setText(tr("Two variables cannot have the same name."));
        m_message->show();
        revertNames();
        return;
    }
    QList<Environment> environments = p.environments;
    for (Environment &e : environments) {
        if (e.name == m_current) {
            if (e.variables == variables)
                return;
            e.variables = variables;
        }
    }
    push(environments, p.activeEnvironment, text);
}

void EnvironmentsEditor::cellEdited(int row, int column)
{
    if (m_loading)
        return;
    const QString name = m_table->item(row, NameColumn)->text().trimmed();
    if (column == NameColumn && !isVariableName(name)) {
        m_message->setText(tr("\"%1\" cannot be a variable name: use letters, digits and _, "
                              "not starting with a digit.")
                               .arg(name));
        m_message->show();
        revertNames();
        return;
    }
    commitTable(column == NameColumn ? tr("Rename variable %1").arg(name)
                                     : tr("Edit variable %1").arg(name));
}

void EnvironmentsEditor::renamed(QListWidgetItem *item)
{
    if (m_loading)
        return;
    const Project &p = m_doc->project();
    const QString before = item->data(Qt::UserRole).toString();
    const QString after = item->text().trimmed();
    if (after == before)
        return;
    if (after.isEmpty() || p.environment(after)) {
        m_message->setText(after.isEmpty() ? tr("An environment needs a name.")
                                           : tr("There is an environment %1 already.").arg(after));
        m_message->show();
        // Put back in place: this runs inside the item's own change signal.
        m_loading = true;
        item->setText(before);
        m_loading = false;
        return;
    }
    QList<Environment> environments = p.environments;
    for (Environment &e : environments) {
        if (e.name == before)
            e.name = after;
    }
    m_current = after;
    push(environments, p.activeEnvironment == before ? after : p.activeEnvironment,
         tr("Rename environment %1 to %2").arg(before, after));
}

void EnvironmentsEditor::addEnvironment()
{
    const Project &p = m_doc->project();
    const QString name = uniqueName(tr("New environment"), p.environmentNames());
    QList<Environment> environments = p.environments;
    environments.append(Environment{name, {}});
    m_current = name;
    push(environments, p.activeEnvironment.isEmpty() ? name : p.activeEnvironment,
         tr("Add environment %1").arg(name));
}

void EnvironmentsEditor::removeEnvironment()
{
    const Project &p = m_doc->project();
    if (!p.environment(m_current))
        return;
    QList<Environment> environments = p.environments;
    environments.removeIf([this](const Environment &e) { return e.name == m_current; });
    QString active = p.activeEnvironment;
    if (active == m_current)
        active = environments.isEmpty() ? QString() : environments.first().name;
    const QString removed = m_current;
    m_current.clear();
    push(environments, active, tr("Remove environment %1").arg(removed));
}

void EnvironmentsEditor::makeActive()
{
    const Project &p = m_doc->project();
    if (!p.environment(m_current) || p.activeEnvironment == m_current)
        return;
    push(p.environments, m_current, tr("Switch to environment %1").arg(m_current));
}

void EnvironmentsEditor::addVariable()
{
    const Environment *e = m_doc->project().environment(m_current);
    if (!e)
        return;
    QString name = QStringLiteral("NEW_VARIABLE");
    for (int n = 2; e->variables.contains(name); ++n)
        name = QStringLiteral("NEW_VARIABLE_%1").arg(n);
    QList<Environment> environments = m_doc->project().environments;
    for (Environment &env : environments) {
        if (env.name == m_current)
            env.variables.insert(name, QString());
    }
    push(environments, m_doc->project().activeEnvironment, tr("Add variable %1").arg(name));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, NameColumn)->text() == name)
            m_table->setCurrentCell(row, NameColumn); // double-click (or F2) names it
    }
}

void EnvironmentsEditor::removeVariable()
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_doc->project().environment(m_current))
        return;
    const QString name = m_table->item(row, NameColumn)->text();
    m_loading = true;
    m_table->removeRow(row);
    m_loading = false;
    commitTable(tr("Remove variable %1").arg(name));
}

void EnvironmentsEditor::setVariableKind(int row, Kind kind)
{
    auto *box = qobject_cast<QComboBox *>(m_table->cellWidget(row, KindColumn));
    if (!box)
        return;
    box->setCurrentIndex(int(kind));
    Q_EMIT box->activated(int(kind));
}

void EnvironmentsEditor::push(const QList<Environment> &environments, const QString &active,
                              const QString &text)
{
    m_message->hide();
    m_doc->undoStack()->push(new EditEnvironmentsCommand(m_doc, environments, active, text));
}

} // namespace weft
