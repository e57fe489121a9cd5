#include "widgets/mainwindow/propertiespanel.h"

#include "core/model/secretref.h"
#include "widgets/canvas/nodekind.h"
#include "widgets/common/projectdocument.h"
#include "widgets/connections/connectiondialog.h"
#include "widgets/mainwindow/adapterpropertiespage.h"
#include "widgets/mainwindow/projectpropertiespage.h"
#include "widgets/mainwindow/schemepropertiespage.h"
#include "widgets/mainwindow/steppropertiespage.h"
#include "widgets/mapping/targetfields.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace weft {

PropertiesPanel::PropertiesPanel(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_title(new QLabel(this))
    , m_stack(new QStackedWidget)
    , m_empty(new QLabel)
    , m_project(new ProjectPropertiesPage(doc))
    , m_scheme(new SchemePropertiesPage(doc))
    , m_adapter(new AdapterPropertiesPage(doc))
    , m_step(new StepPropertiesPage(doc))
    , m_mapPage(new QWidget)
    , m_mapSummary(new QLabel)
    , m_openMapping(new QPushButton)
    , m_connectionPage(new QWidget)
    , m_connectionSummary(new QLabel)
    , m_editConnection(new QPushButton)
{
    setObjectName(QStringLiteral("propertiesPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    m_title->setFont(font);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_stack);
    layout->addWidget(scroll);

    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_empty->setStyleSheet(QStringLiteral("color: #607d8b"));
    auto *mapLayout = new QVBoxLayout(m_mapPage);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    m_mapSummary->setWordWrap(true);
    m_openMapping->setIcon(QIcon(QStringLiteral(":/icons/node-map.svg")));
    mapLayout->addWidget(m_mapSummary);
    mapLayout->addWidget(m_openMapping);
    mapLayout->addStretch(1);
    auto *connLayout = new QVBoxLayout(m_connectionPage);
    connLayout->setContentsMargins(0, 0, 0, 0);
    m_connectionSummary->setWordWrap(true);
    m_connectionSummary->setTextFormat(Qt::RichText);
    m_editConnection->setIcon(QIcon(QStringLiteral(":/icons/connection.svg")));
    connLayout->addWidget(m_connectionSummary);
    connLayout->addWidget(m_editConnection);
    connLayout->addStretch(1);
    for (QWidget *w : {static_cast<QWidget *>(m_empty), static_cast<QWidget *>(m_project),
                       static_cast<QWidget *>(m_scheme), static_cast<QWidget *>(m_adapter),
                       static_cast<QWidget *>(m_step), m_mapPage, m_connectionPage})
        m_stack->addWidget(w);

    connect(m_openMapping, &QPushButton::clicked, this,
            [this] { Q_EMIT openMappingRequested(m_currentScheme); });
    connect(m_editConnection, &QPushButton::clicked, this,
            [this] { Q_EMIT editConnectionRequested(m_currentConnection); });
    connect(m_scheme, &SchemePropertiesPage::message, this, &PropertiesPanel::message);
    connect(m_project, &ProjectPropertiesPage::alertsRequested, this,
            &PropertiesPanel::alertsRequested);
    connect(doc, &ProjectDocument::schemeChanged, this,
            [this](int, const QString &oldName, const QString &newName) {
                if (oldName == m_currentScheme)
                    m_currentScheme = newName;
                refreshSummary();
            });
    connect(doc, &ProjectDocument::connectionsChanged, this, &PropertiesPanel::refreshSummary);
    connect(doc, &ProjectDocument::projectReset, this, &PropertiesPanel::showProject);
    retranslate();
    showNothing();
}

void PropertiesPanel::setTitle(const QString &title)
{
    m_title->setText(title);
}

void PropertiesPanel::showNothing()
{
    m_shown = Shown::Nothing;
    m_stack->setCurrentWidget(m_empty);
    retranslate();
}

void PropertiesPanel::showProject()
{
    m_shown = Shown::Project;
    m_project->load();
    m_stack->setCurrentWidget(m_project);
    retranslate();
}

void PropertiesPanel::showScheme(const QString &scheme)
{
    m_shown = Shown::Scheme;
    m_currentScheme = scheme;
    m_scheme->setScheme(scheme);
    m_stack->setCurrentWidget(m_scheme);
    retranslate();
}

void PropertiesPanel::showNode(const QString &scheme, const QString &key)
{
    m_shown = Shown::Node;
    m_currentScheme = scheme;
    m_currentKey = key;
    if (key == QLatin1String("source") || key == QLatin1String("target")) {
        m_adapter->setAdapter(scheme, key == QLatin1String("source")
                                          ? AdapterPropertiesPage::Role::Source
                                          : AdapterPropertiesPage::Role::Target);
        m_stack->setCurrentWidget(m_adapter);
    } else if (key == QLatin1String("map")) {
        m_stack->setCurrentWidget(m_mapPage);
    } else {
        m_step->setStep(scheme, key);
        m_stack->setCurrentWidget(m_step);
    }
    retranslate();
}

void PropertiesPanel::showConnection(const QString &name)
{
    m_shown = Shown::Connection;
    m_currentConnection = name;
    m_stack->setCurrentWidget(m_connectionPage);
    retranslate();
}

void PropertiesPanel::setFields(const QStringList &fields)
{
    m_step->setFields(fields);
}

void PropertiesPanel::setStateService(StateService *state)
{
    m_scheme->setStateService(state);
}

void PropertiesPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PropertiesPanel::retranslate()
{
    // The stack takes the size of the page shown, not of the widest page.
    for (int i = 0; i < m_stack->count(); ++i) {
        QWidget *page = m_stack->widget(i);
        const bool current = page == m_stack->currentWidget();
        page->setSizePolicy(current ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                            current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
    m_stack->adjustSize();
    m_empty->setText(tr("Select a node on the canvas, a scheme or a connection to see and edit "
                        "its properties here."));
    m_openMapping->setText(tr("Open the mapping editor"));
    m_editConnection->setText(tr("Edit connection…"));
    switch (m_shown) {
    case Shown::Nothing:
        setTitle(tr("Properties"));
        break;
    case Shown::Project:
        setTitle(tr("Project"));
        break;
    case Shown::Scheme:
        setTitle(tr("Scheme %1").arg(m_currentScheme));
        break;
    case Shown::Node: {
        if (m_currentKey == QLatin1String("source"))
            setTitle(tr("Source of %1").arg(m_currentScheme));
        else if (m_currentKey == QLatin1String("target"))
            setTitle(tr("Target of %1").arg(m_currentScheme));
        else if (m_currentKey == QLatin1String("map"))
            setTitle(tr("Mapping of %1").arg(m_currentScheme));
        else
            setTitle(tr("Step %1 of %2").arg(m_currentKey, m_currentScheme));
        break;
    }
    case Shown::Connection:
        setTitle(tr("Connection %1").arg(m_currentConnection));
        break;
    }
    refreshSummary();
}

void PropertiesPanel::refreshSummary()
{
    if (m_shown == Shown::Node && m_currentKey == QLatin1String("map")) {
        const Scheme *s = m_doc->project().scheme(m_currentScheme);
        int total = 0;
        int mapped = 0;
        int requiredMissing = 0;
        if (s) {
            for (const TargetField &f : targetFieldsOf(s->target.metadata)) {
                if (f.isGroup)
                    continue;
                ++total;
                mapped += f.isMapped() ? 1 : 0;
                requiredMissing += f.required && !f.isMapped() ? 1 : 0;
            }
        }
        QString text = tr("%1 of %2 target fields are mapped.").arg(mapped).arg(total);
        if (requiredMissing > 0)
            text += u'\n' + tr("%n required field(s) have no value.", nullptr, requiredMissing);
        m_mapSummary->setText(text);
    }
    if (m_shown == Shown::Connection) {
        const Connection *c = m_doc->project().connection(m_currentConnection);
        if (!c) {
            m_connectionSummary->clear();
            return;
        }
        QString html = QStringLiteral("<table>");
        auto row = [&html](const QString &k, const QString &v) {
            html += QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>")
                        .arg(k.toHtmlEscaped(), v.toHtmlEscaped());
        };
        row(tr("Type"),
            c->unknownType.isEmpty() ? ConnectionDialog::typeTitle(c->type) : c->unknownType);
        row(tr("Title"), c->title);
        if (!c->baseUrl.isEmpty())
            row(tr("Base URL"), c->baseUrl);
        for (auto it = c->account.begin(); it != c->account.end(); ++it) {
            const auto ref = SecretRef::fromJson(it.value());
            QString shown = it.value().toString();
            if (ref) {
                switch (ref->kind) {
                case SecretRef::Kind::Env:
                    shown = tr("environment variable %1").arg(ref->key);
                    break;
                case SecretRef::Kind::Keychain:
                    shown = tr("keychain %1").arg(ref->key);
                    break;
                case SecretRef::Kind::Plain:
                    shown = tr("plain text (not recommended)");
                    break;
                }
            }
            QString label = it.key();
            for (const AccountFieldSpec &spec : accountFieldsFor(c->type)) {
                if (spec.key == it.key())
                    label = ConnectionDialog::fieldLabel(spec.label);
            }
            row(label, shown);
        }
        if (c->rateLimit.isSet())
            row(tr("Rate limit"),
                tr("%1/s, %2/min").arg(c->rateLimit.perSecond).arg(c->rateLimit.perMinute));
        html += QStringLiteral("</table>");
        m_connectionSummary->setText(html);
    }
}

} // namespace weft
