#include "widgets/mainwindow/startpage.h"

#include "widgets/common/recentprojects.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace weft {

namespace {

/// The project's own name (its "name"), else the file name.
QString projectTitle(const QString &path)
{
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        const QString name =
            QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("name")).toString();
        if (!name.isEmpty())
            return name;
    }
    return QFileInfo(path).fileName();
}

} // namespace

QStringList StartPage::examples()
{
    QStringList out;
    const QDir dir(QStringLiteral(":/examples"));
    for (const QString &name : dir.entryList({QStringLiteral("*.weft.json")}, QDir::Files))
        out << dir.filePath(name);
    return out;
}

StartPage::StartPage(QWidget *canvas)
    : QFrame(canvas)
    , m_title(new QLabel(this))
    , m_intro(new QLabel(this))
    , m_newIntegration(
          new QPushButton(QIcon(QStringLiteral(":/icons/scheme.svg")), QString(), this))
    , m_newScheme(new QPushButton(QIcon(QStringLiteral(":/icons/scheme.svg")), QString(), this))
    , m_newConnection(
          new QPushButton(QIcon(QStringLiteral(":/icons/connection.svg")), QString(), this))
    , m_open(new QPushButton(QIcon(QStringLiteral(":/icons/document-open.svg")), QString(), this))
    , m_examplesLabel(new QLabel(this))
    , m_examples(new QListWidget(this))
    , m_recentLabel(new QLabel(this))
    , m_recent(new QListWidget(this))
{
    setObjectName(QStringLiteral("startPage"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_title->setFont(big);
    m_intro->setWordWrap(true);
    for (QLabel *l : {m_examplesLabel, m_recentLabel}) {
        QFont bold = l->font();
        bold.setBold(true);
        l->setFont(bold);
    }
    m_newIntegration->setObjectName(QStringLiteral("startNewIntegration"));
    m_newScheme->setObjectName(QStringLiteral("startNewScheme"));
    m_newConnection->setObjectName(QStringLiteral("startNewConnection"));
    m_open->setObjectName(QStringLiteral("startOpen"));
    m_examples->setObjectName(QStringLiteral("startExamples"));
    m_recent->setObjectName(QStringLiteral("startRecent"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_newIntegration, m_newScheme, m_newConnection, m_open}) {
        b->setMinimumHeight(36);
        buttons->addWidget(b);
    }
    buttons->addStretch();
    auto *lists = new QGridLayout;
    lists->addWidget(m_examplesLabel, 0, 0);
    lists->addWidget(m_examples, 1, 0);
    lists->addWidget(m_recentLabel, 0, 1);
    lists->addWidget(m_recent, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    layout->setSpacing(12);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addLayout(buttons);
    layout->addLayout(lists, 1);

    connect(m_newIntegration, &QPushButton::clicked, this, &StartPage::newIntegrationRequested);
    connect(m_newScheme, &QPushButton::clicked, this, &StartPage::newSchemeRequested);
    connect(m_newConnection, &QPushButton::clicked, this, &StartPage::newConnectionRequested);
    connect(m_open, &QPushButton::clicked, this, &StartPage::openRequested);
    // One click opens, as links do on a start page; Enter too.
    connect(m_examples, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT exampleRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_examples, &QListWidget::itemClicked, m_examples, &QListWidget::itemActivated);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT recentRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_recent, &QListWidget::itemClicked, m_recent, &QListWidget::itemActivated);

    canvas->installEventFilter(this);
    retranslate();
    refresh();
    place();
}

void StartPage::refresh()
{
    m_examples->clear();
    for (const QString &resource : examples()) {
        auto *item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/scheme.svg")),
                                         projectTitle(resource), m_examples);
        item->setData(Qt::UserRole, resource);
        item->setToolTip(QFileInfo(resource).fileName());
    }
    m_recent->clear();
    for (const QString &path : RecentProjects::list()) {
        if (!QFileInfo::exists(path))
            continue; // moved or deleted since: a dead link helps nobody here
        auto *item = new QListWidgetItem(QIcon(QStringLiteral(":/icons/document-open.svg")),
                                         projectTitle(path), m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    m_recentLabel->setVisible(m_recent->count() > 0);
    m_recent->setVisible(m_recent->count() > 0);
}

bool StartPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::Resize)
        place();
    return QFrame::eventFilter(watched, event);
}

void StartPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void StartPage::retranslate()
{
    m_title->setText(tr("Start"));
    m_intro->setText(tr("A scheme reads a source system page by page, maps its fields and writes "
                        "them to a target. Start with a scheme (its source, mapping and target "
                        "are nodes on the canvas), add the connections it uses, or open an "
                        "example to see a complete one."));
    m_newIntegration->setText(tr("New integration…"));
    m_newScheme->setText(tr("New scheme"));
    m_newConnection->setText(tr("New connection…"));
    m_open->setText(tr("Open project…"));
    m_examplesLabel->setText(tr("Examples"));
    m_recentLabel->setText(tr("Recent projects"));
}

void StartPage::place()
{
    // Centred on the canvas, at most 880 × 560, with a margin when the canvas is small.
    const QWidget *canvas = parentWidget();
    const QSize room = canvas->size() - QSize(40, 40);
    const QSize size(std::min(880, room.width()), std::min(560, room.height()));
    setGeometry(
        QRect(QPoint((canvas->width() - size.width()) / 2, (canvas->height() - size.height()) / 2),
              size));
}

} // namespace weft
