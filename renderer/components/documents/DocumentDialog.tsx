/** A stored document in a dialog; its title comes with the bytes. */
import { useState } from 'react';
import { Modal } from '../Modal';
import { DocumentView } from './DocumentView';

interface Props {
  documentId: number;
  onClose: () => void;
  focusSave?: boolean;
}

export function DocumentDialog({ documentId, onClose, focusSave }: Props) {
  const [title, setTitle] = useState('正在打开文档…');
  return (
    <Modal title={title} onClose={onClose} width={920}>
      <DocumentView documentId={documentId} onTitle={setTitle} onClose={onClose} focusSave={focusSave} />
    </Modal>
  );
}
