// Sortable tables without a server: click a header to sort by its column (numbers by data-key, else by text).
document.querySelectorAll('table.sortable').forEach(table => {
  table.querySelectorAll('th').forEach((th, column) => {
    th.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach(other => other.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const body = table.tBodies[0];
      const key = row => {
        const cell = row.cells[column];
        return cell.dataset.key === undefined ? cell.textContent : (cell.dataset.key === '' ? NaN : Number(cell.dataset.key));
      };
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        if (typeof x === 'number' && typeof y === 'number') {
          if (isNaN(x) || isNaN(y)) return isNaN(x) - isNaN(y); // undefined values last, either direction
          return ascending ? x - y : y - x;
        }
        return ascending ? String(x).localeCompare(y) : String(y).localeCompare(x);
      });
      rows.forEach(row => body.appendChild(row));
    });
  });
});
// A chart the browser cannot show is marked where it stands, and counted on <body> for automated checks.
window.addEventListener('load', () => {
  const images = Array.from(document.querySelectorAll('figure img'));
  const broken = images.filter(img => !(img.complete && img.naturalWidth > 0));
  broken.forEach(img => {
    img.classList.add('broken');
    const note = document.createElement('p');
    note.className = 'warning';
    note.textContent = 'This chart could not be displayed: ' + img.alt;
    img.after(note);
  });
  document.body.dataset.images = images.length;
  document.body.dataset.brokenImages = broken.length;
});
