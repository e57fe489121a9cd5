#pragma once

#include <QTabWidget>

namespace weft {

class MappingEditor;
class PipelineView;
class ProjectDocument;
class SampleCache;

/// The centre of the main window: the canvas as the first tab, which always stays, and a
/// mapping editor per scheme opened for mapping, which close with their tab, when their
/// scheme is deleted, or when another project replaces this one.
class EditorTabs final : public QTabWidget
{
    Q_OBJECT
public:
    EditorTabs(ProjectDocument *doc, SampleCache *samples, PipelineView *canvas,
               QWidget *parent = nullptr);

    /// Shows the mapping editor of a scheme (creating it if needed).
    MappingEditor *openMapping(const QString &scheme);
    void showCanvas();
    /// The scheme of the mapping editor on top; "" when the canvas is.
    QString currentMappingScheme() const;

Q_SIGNALS:
    /// A mapping editor came on top (`scheme`), or the canvas did ("").
    void currentMappingChanged(const QString &scheme);
    void previewRequested(const QString &scheme);
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void closeEditors();

    ProjectDocument *m_doc;
    SampleCache *m_samples;
};

} // namespace weft
