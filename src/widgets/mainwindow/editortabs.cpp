#include "widgets/mainwindow/editortabs.h"

#include "widgets/canvas/pipelineview.h"
#include "widgets/common/projectdocument.h"
#include "widgets/mapping/mappingeditor.h"

#include <QEvent>
#include <QIcon>
#include <QTabBar>

namespace weft {

EditorTabs::EditorTabs(ProjectDocument *doc, SampleCache *samples, PipelineView *canvas,
                       QWidget *parent)
    : QTabWidget(parent)
    , m_doc(doc)
    , m_samples(samples)
{
    setObjectName(QStringLiteral("centerTabs"));
    setDocumentMode(true);
    setTabsClosable(true);
    addTab(canvas, QIcon(QStringLiteral(":/icons/scheme.svg")), QString());
    // The canvas stays; only mapping editors close.
    tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    retranslate();

    connect(this, &QTabWidget::currentChanged, this,
            [this] { Q_EMIT currentMappingChanged(currentMappingScheme()); });
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index > 0)
            delete widget(index);
    });
    // The editors show schemes of the project that was there.
    connect(m_doc, &ProjectDocument::projectReset, this, &EditorTabs::closeEditors);
}

MappingEditor *EditorTabs::openMapping(const QString &scheme)
{
    for (int i = 1; i < count(); ++i) {
        auto *editor = qobject_cast<MappingEditor *>(widget(i));
        if (editor && editor->scheme() == scheme) {
            setCurrentIndex(i);
            return editor;
        }
    }
    auto *editor = new MappingEditor(m_doc, m_samples);
    editor->setScheme(scheme);
    connect(editor, &MappingEditor::message, this, &EditorTabs::message);
    connect(editor, &MappingEditor::previewRequested, this, &EditorTabs::previewRequested);
    connect(m_doc, &ProjectDocument::schemeRemoved, editor, [editor](int, const QString &s) {
        if (s == editor->scheme())
            editor->deleteLater();
    });
    const int index = addTab(editor, QIcon(QStringLiteral(":/icons/node-map.svg")),
                             tr("Mapping: %1").arg(scheme));
    setCurrentIndex(index);
    return editor;
}

void EditorTabs::showCanvas()
{
    setCurrentIndex(0);
}

QString EditorTabs::currentMappingScheme() const
{
    if (auto *editor = qobject_cast<MappingEditor *>(currentWidget()))
        return editor->scheme();
    return {};
}

void EditorTabs::closeEditors()
{
    while (count() > 1)
        delete widget(1);
}

void EditorTabs::retranslate()
{
    setTabText(0, tr("Canvas"));
    for (int i = 1; i < count(); ++i) {
        if (auto *editor = qobject_cast<MappingEditor *>(widget(i)))
            setTabText(i, tr("Mapping: %1").arg(editor->scheme()));
    }
}

void EditorTabs::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTabWidget::changeEvent(event);
}

} // namespace weft
