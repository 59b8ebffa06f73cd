// Saving and opening sweep results in the page: a Blob behind a temporary <a download> (Electron
// asks where to save), and a File read as text. Nothing is sent anywhere.
import { download } from '../../files/download';

export function saveText(fileName: string, text: string): void {
  download(fileName, text, 'application/json');
}
