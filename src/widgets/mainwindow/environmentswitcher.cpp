#include "widgets/mainwindow/environmentswitcher.h"

#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QUndoStack>

namespace weft {

QString environmentInTitle(const Project &project)
{
    if (project.activeEnvironment.isEmpty())
        return {};
    return EnvironmentSwitcher::tr(" · %1").arg(project.activeEnvironment);
}

EnvironmentSwitcher::EnvironmentSwitcher(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_label(new QLabel(this))
    , m_combo(new QComboBox(this))
{
    setObjectName(QStringLiteral("environmentSwitcher"));
    m_combo->setObjectName(QStringLiteral("environmentCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_combo);
    m_label->setBuddy(m_combo);
    connect(m_combo, &QComboBox::activated, this, &EnvironmentSwitcher::choose);
    connect(doc, &ProjectDocument::environmentsChanged, this, &EnvironmentSwitcher::load);
    connect(doc, &ProjectDocument::projectReset, this, &EnvironmentSwitcher::load);
    load();
}

void EnvironmentSwitcher::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        load();
    QWidget::changeEvent(event);
}

void EnvironmentSwitcher::load()
{
    m_loading = true;
    const Project &p = m_doc->project();
    m_label->setText(tr("&Environment:"));
    m_combo->clear();
    if (p.environments.isEmpty()) {
        m_combo->addItem(tr("(none)"));
        m_combo->setEnabled(false);
        m_combo->setToolTip(tr("The project has no environments: add them in the project's "
                               "properties."));
    } else {
        if (p.activeEnvironment.isEmpty())
            m_combo->addItem(tr("(none)"), QString());
        for (const Environment &e : p.environments)
            m_combo->addItem(e.name, e.name);
        m_combo->setCurrentIndex(std::max(0, m_combo->findData(p.activeEnvironment)));
        m_combo->setEnabled(true);
        m_combo->setToolTip(tr("Runs and previews use this environment's variables and "
                               "secrets."));
    }
    m_loading = false;
}

void EnvironmentSwitcher::choose(int index)
{
    if (m_loading)
        return;
    const QString name = m_combo->itemData(index).toString();
    const Project &p = m_doc->project();
    if (name.isEmpty() || name == p.activeEnvironment)
        return;
    m_doc->undoStack()->push(new EditEnvironmentsCommand(m_doc, p.environments, name,
                                                         tr("Switch to environment %1").arg(name)));
}

} // namespace weft
