#include "widgets/mainwindow/projectpropertiespage.h"

#include "ui_projectproperties.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/mainwindow/environmentseditor.h"

#include <QJsonObject>
#include <QLocale>
#include <QUndoStack>

namespace weft {

ProjectPropertiesPage::ProjectPropertiesPage(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProjectProperties>())
    , m_doc(doc)
    , m_environments(new EnvironmentsEditor(doc, this))
{
    m_ui->setupUi(this);
    m_ui->layout->insertWidget(m_ui->layout->indexOf(m_ui->alertsGroup) + 1, m_environments);
    m_ui->timeZone->addItems({QStringLiteral("Asia/Shanghai"), QStringLiteral("Asia/Hong_Kong"),
                              QStringLiteral("Asia/Taipei"), QStringLiteral("Asia/Singapore"),
                              QStringLiteral("Asia/Tokyo"), QStringLiteral("UTC"),
                              QStringLiteral("Europe/Berlin"), QStringLiteral("America/New_York")});
    connect(m_ui->projectName, &QLineEdit::textEdited, this, &ProjectPropertiesPage::commit);
    connect(m_ui->description, &QPlainTextEdit::textChanged, this, &ProjectPropertiesPage::commit);
    connect(m_ui->timeZone, &QComboBox::currentTextChanged, this, &ProjectPropertiesPage::commit);
    m_ui->editAlerts->setIcon(QIcon(QStringLiteral(":/icons/alert.svg")));
    connect(m_ui->editAlerts, &QPushButton::clicked, this, &ProjectPropertiesPage::alertsRequested);
    connect(doc, &ProjectDocument::infoChanged, this, &ProjectPropertiesPage::load);
    connect(doc, &ProjectDocument::alertsChanged, this, &ProjectPropertiesPage::load);
    connect(doc, &ProjectDocument::projectReset, this, &ProjectPropertiesPage::load);
    load();
}

ProjectPropertiesPage::~ProjectPropertiesPage() = default;

void ProjectPropertiesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        load();
    }
    QWidget::changeEvent(event);
}

void ProjectPropertiesPage::load()
{
    m_loading = true;
    const Project &p = m_doc->project();
    if (m_ui->projectName->text() != p.name)
        m_ui->projectName->setText(p.name);
    if (m_ui->description->toPlainText() != p.description)
        m_ui->description->setPlainText(p.description);
    if (m_ui->timeZone->currentText() != p.timeZone)
        m_ui->timeZone->setCurrentText(p.timeZone);
    m_ui->summary->setText(
        tr("%n connection(s)", nullptr, int(p.connections.size())) + QStringLiteral(" · ") +
        tr("%n scheme(s)", nullptr, int(p.schemes.size())) +
        (m_doc->filePath().isEmpty() ? QString() : QStringLiteral("\n") + m_doc->filePath()));
    QStringList rules;
    for (const QJsonValue &rule : p.alerts)
        rules << rule.toObject().value(QLatin1String("name")).toString();
    m_ui->alertsSummary->setText(
        rules.isEmpty() ? tr("No alert rules: nobody is told when a scheduled run fails.")
                        : tr("%n rule(s): %1", nullptr, int(rules.size()))
                              .arg(QLocale().createSeparatedList(rules)));
    m_loading = false;
}

void ProjectPropertiesPage::commit()
{
    if (m_loading)
        return;
    const QString name = m_ui->projectName->text();
    const QString description = m_ui->description->toPlainText();
    const QString zone = m_ui->timeZone->currentText().trimmed();
    const Project &p = m_doc->project();
    if (name == p.name && description == p.description && zone == p.timeZone)
        return;
    m_doc->undoStack()->push(new EditInfoCommand(m_doc, name, description, zone));
}

} // namespace weft
